"use client";

import Link from "next/link";
import type { InboxContact } from "@/lib/inbox/contacts";
import { useLocale, useTranslations } from "next-intl";
import { formatListTime } from "@/lib/text/format";

export function ContactList({ contacts, activeId, timeZone, query = "" }: { contacts: InboxContact[]; activeId?: string; timeZone: string; query?: string }) {
  const t = useTranslations();
  const locale = useLocale();
  if (contacts.length === 0) return <p className="p-4 text-sm text-slate-500">{t("inbox.noContacts")}</p>;
  return (
    <ul aria-label={t("inbox.contacts")} className="divide-y divide-slate-100">
      {contacts.map((c) => {
        const name = `${c.firstName} ${c.lastName}`;
        return (
          <li key={c.conversationId}>
            <Link
              href={`/inbox/${c.conversationId}${query}`}
              aria-current={c.conversationId === activeId ? "page" : undefined}
              data-testid="contact"
              className={`flex gap-3 px-4 py-3 hover:bg-slate-50 ${c.conversationId === activeId ? "bg-teal-50" : ""}`}
            >
              <span
                title={t(c.processed ? "inbox.processed" : "inbox.notProcessed")}
                aria-label={t(c.processed ? "inbox.processed" : "inbox.notProcessed")}
                className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${c.lastMessageAt ? (c.processed ? "bg-green-500" : "bg-orange-400") : "bg-slate-200"}`}
              />
              <span className="min-w-0 flex-1">
                <span className="flex items-baseline justify-between gap-2">
                  <span className={`truncate text-sm ${c.unread ? "font-semibold" : "font-medium"}`}>{name}</span>
                  {c.lastMessageAt ? <span className="shrink-0 text-xs text-slate-500">{formatListTime(c.lastMessageAt, timeZone, locale)}</span> : null}
                </span>
                <span className="flex items-center justify-between gap-2">
                  <span className="truncate text-sm text-slate-500" data-user-text={c.preview ? "" : undefined}>
                    {c.preview ?? t(c.waitingList ? "inbox.waitingCandidate" : "inbox.noMessagesYet")}
                  </span>
                  {c.unread ? (
                    <span
                      aria-label={t("inbox.unreadCount", { count: c.unread })}
                      data-testid="unread-badge"
                      className="flex shrink-0 items-center gap-1 text-xs font-semibold text-blue-700"
                    >
                      <span className="h-2 w-2 rounded-full bg-blue-600" />
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
