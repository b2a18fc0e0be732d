"use client";

import { Link } from "@/components/ui/link";
import { useState, type KeyboardEvent } from "react";
import type { InboxContact } from "@/lib/inbox/contacts";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { formatListTime } from "@/lib/text/format";
import { Check } from "@/components/ui/icons/check";
import { Eye } from "@/components/ui/icons/eye";
import { UserRound } from "@/components/ui/icons/user-round";
import { useThreadsWithOthers } from "@/components/presence/presence";

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => Math.min(i + 1, n - 1),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * The contacts as one stop for the Tab key (the open one, else the first); the arrow
 * keys, Home and End move between them. So the reply box is as far from the top with
 * 50 contacts as with 3.
 */
export function ContactList({
  contacts,
  activeId,
  timeZone,
  query = "",
  selection,
  selfId,
}: {
  contacts: InboxContact[];
  /** The reader: a thread they own says "you". */
  selfId?: string;
  activeId?: string;
  timeZone: string;
  query?: string;
  /** Select mode: a checkbox before each contact, for a grouped message or an export of some of them. */
  selection?: { selected: ReadonlySet<string>; toggle: (teammateId: string) => void };
}) {
  const t = useTranslations();
  const locale = useLocale();
  const [focusId, setFocusId] = useState<string | null>(null);
  const withOthers = useThreadsWithOthers();
  if (contacts.length === 0) return <p className="p-4 text-sm text-slate-600">{t("inbox.noContacts")}</p>;
  const stop =
    contacts.find((c) => c.conversationId === focusId) ??
    contacts.find((c) => c.conversationId === activeId) ??
    contacts[0]!;
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const move = MOVES[e.key];
    if (!move) return;
    const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>("a[data-contact]")];
    const next = links[move(links.indexOf(document.activeElement as HTMLAnchorElement), links.length)];
    if (!next) return;
    e.preventDefault();
    next.focus();
  };
  return (
    <ul aria-label={t("inbox.contacts")} className="divide-y divide-slate-100" onKeyDown={onKeyDown}>
      {contacts.map((c) => {
        const name = `${c.firstName} ${c.lastName}`;
        const others = withOthers.get(c.conversationId);
        return (
          <li key={c.conversationId} className={selection ? "flex items-stretch" : undefined}>
            {selection ? (
              <label className="flex min-w-11 cursor-pointer items-center justify-center pl-2">
                <input
                  type="checkbox"
                  className="h-5 w-5"
                  checked={selection.selected.has(c.teammateId)}
                  onChange={() => selection.toggle(c.teammateId)}
                  aria-label={t("grouped.selectOne", { name })}
                  data-testid="contact-select"
                />
              </label>
            ) : null}
            <Link
              href={`/inbox/${c.conversationId}${query}`}
              aria-current={c.conversationId === activeId ? "page" : undefined}
              data-testid="contact"
              data-contact={c.conversationId}
              tabIndex={c === stop ? 0 : -1}
              onFocus={() => setFocusId(c.conversationId)}
              className={`flex min-w-0 flex-1 gap-3 border-l-4 px-4 py-3 hover:bg-slate-50 ${c.conversationId === activeId ? "border-accent bg-accent-soft" : "border-transparent"}`}
            >
              {/* Processed shows as a check; not processed is the resting state, said to screen readers only. */}
              <span
                className="mt-0.5 w-4 shrink-0 text-sm font-bold text-green-700"
                title={c.processed ? t("inbox.processed") : undefined}
              >
                {c.processed && c.lastMessageAt ? (
                  <Check aria-hidden="true" data-testid="processed-mark" className="size-4" strokeWidth={2.5} />
                ) : null}
                <span className="sr-only">{t(c.processed ? "inbox.processed" : "inbox.notProcessed")}</span>
              </span>
              <span className="min-w-0 flex-1">
                <span className="flex items-baseline justify-between gap-2">
                  <span className="flex min-w-0 items-center gap-1.5">
                    <span className={`truncate text-sm ${c.unread ? "font-semibold" : "font-medium"}`}>{name}</span>
                    {others ? (
                      <span
                        data-testid="row-presence"
                        title={t("presence.inThread", { names: others.join(", ") })}
                        className="inline-flex shrink-0 items-center text-accent-ink"
                      >
                        <Eye aria-hidden="true" className="size-3.5" />
                        <span className="sr-only">{t("presence.inThread", { names: others.join(", ") })}</span>
                      </span>
                    ) : null}
                  </span>
                  {c.assigneeName ? (
                    <span
                      data-testid="row-assignee"
                      title={t("assign.rowOwner", { name: c.assigneeName })}
                      className="ml-auto inline-flex min-w-0 items-center gap-0.5 text-xs text-muted"
                    >
                      <UserRound aria-hidden="true" className="size-3 shrink-0" />
                      <span className="sr-only">{t("assign.rowOwner", { name: c.assigneeName })}</span>
                      <span aria-hidden="true" className="truncate">
                        {c.assigneeId === selfId ? t("assign.you") : c.assigneeName}
                      </span>
                    </span>
                  ) : null}
                  {c.lastMessageAt ? (
                    <span className="shrink-0 text-xs text-slate-500">
                      {formatListTime(c.lastMessageAt, timeZone, locale)}
                    </span>
                  ) : null}
                </span>
                <span className="flex items-center justify-between gap-2">
                  <span
                    dir={c.preview ? "auto" : undefined}
                    className="truncate text-sm text-muted"
                    data-user-text={c.preview ? "" : undefined}
                  >
                    {c.preview ?? t(c.waitingList ? "inbox.waitingCandidate" : "inbox.noMessagesYet")}
                  </span>
                  {c.unread ? (
                    <span
                      aria-label={t("inbox.unreadCount", { count: c.unread })}
                      data-testid="unread-badge"
                      className="flex shrink-0 items-center gap-1 text-xs font-semibold text-blue-700"
                    >
                      <span className="h-2 w-2 rounded-full bg-badge" />
                      {c.unread}
                    </span>
                  ) : null}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
