"use client";

import { useRef, useState } from "react";
import { Link } from "@/components/ui/link";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import type { ThreadMessage, ThreadNote } from "@/lib/conversations/wire";
import { dayKey, formatDay, formatTime } from "@/lib/text/format";
import { MessageText } from "./message-text";
import { ShiftCard } from "./shift-card";
import { AttachmentList } from "@/components/files/attachment-list";
import { noticeText } from "@/components/chat/notice-text";
import { openMessageMenu, type MessageMenuTarget, type ReviseTarget } from "./message-menu-event";
import { arrowTarget } from "@/components/ui/arrow-keys";
import { Ellipsis } from "@/components/ui/icons/ellipsis";
// Loaded with the thread, not on demand: a teammate confirms offline too (the tap is queued), and a
// chunk asked for once the phone is offline would never come (decision 017).
import { ConfirmButton } from "./confirm-button";

export type Side = "staff" | { userId: string };

/** Whether a message sits on the reader's side: the organisation's on staff pages, the reader's own on a teammate's. */
export const isOwn = (m: ThreadMessage, side: Side) => (side === "staff" ? m.fromStaff : m.authorId === side.userId);

type Entry = { kind: "message"; at: Date; m: ThreadMessage } | { kind: "note"; at: Date; n: ThreadNote };

/** Messages closer than this from one author read as one group: one name, one time. */
const GROUP_MS = 5 * 60_000;
const authorOf = (e: Entry) =>
  e.kind === "note" ? `n:${e.n.authorName}` : e.m.kind === "SYSTEM" ? null : `m:${e.m.authorId ?? e.m.fromStaff}`;

/**
 * A thread in order, read like a conversation: day separators, consecutive messages from
 * one author grouped under one name and time (each message's time on hover or focus), the
 * reader's own messages unnamed. `side` decides which side a message sits on: the
 * organisation's messages on staff pages, the reader's own on a teammate's. `notes` and
 * `staffConversationId` are given on staff pages only.
 *
 * The list is one keyboard stop: arrows move between messages, and Enter (or the context
 * menu key, or a long press) opens a message's actions. So the way to the reply box does
 * not grow with the thread.
 */
export function MessageList({
  conversationId,
  messages,
  notes = [],
  timeZone,
  side,
  selfId,
  staffConversationId,
  goneShiftIds,
  found,
  revise,
}: {
  conversationId: string;
  messages: ThreadMessage[];
  notes?: ThreadNote[];
  timeZone: string;
  side: Side;
  /** The reader: their own messages and notes carry no name. */
  selfId?: string;
  staffConversationId?: string;
  /** Shifts the teammate is no longer on: their cards say so. */
  goneShiftIds?: Set<string>;
  /** The message (its id) or note (`n-` and its id) a search opened the thread at: marked, and the Tab stop. */
  found?: string;
  /** Who may change which message: the reader is an admin (deletes anyone's), and how long an author may edit. */
  revise?: { admin: boolean; editWindowMinutes: number };
}) {
  const t = useTranslations();
  const locale = useLocale();
  const list = useRef<HTMLOListElement>(null);
  const [current, setCurrent] = useState<string | null>(found ?? null);
  const mine = (m: ThreadMessage) => isOwn(m, side);
  const entries: Entry[] = [
    ...messages.map((m) => ({ kind: "message" as const, at: m.createdAt, m })),
    ...notes.map((n) => ({ kind: "note" as const, at: n.createdAt, n })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (entries.length === 0) return <p className="py-8 text-center text-sm text-muted">{t("thread.empty")}</p>;
  const days = entries.map((e) => dayKey(e.at, timeZone));
  const keyOf = (e: Entry) => (e.kind === "note" ? `n-${e.n.id}` : e.m.id);
  // The one message the Tab key lands on: the one last moved to, or the newest.
  const tabStop = current && entries.some((e) => keyOf(e) === current) ? current : keyOf(entries.at(-1)!);
  const markUnread = (m: ThreadMessage) => Boolean(staffConversationId && !m.fromStaff && m.kind !== "SYSTEM");
  const byReader = (m: ThreadMessage) => Boolean(selfId && m.authorId === selfId);
  // An admin's menu stays on a deleted message: its history.
  const revisable = (m: ThreadMessage) =>
    Boolean(revise && m.kind === "TEXT" && (revise.admin || (!m.deleted && byReader(m))));
  const withActions = (m: ThreadMessage) => markUnread(m) || revisable(m);
  /** What the menu offers for this message, decided as it opens (the edit window closes as time passes). */
  const menuFor = (m: ThreadMessage, anchor: HTMLElement): MessageMenuTarget => {
    const target: ReviseTarget | null = revisable(m)
      ? {
          id: m.id,
          body: m.body,
          own: byReader(m),
          edit:
            byReader(m) &&
            !m.deleted &&
            Boolean(m.body) &&
            Date.now() < m.createdAt.getTime() + (revise?.editWindowMinutes ?? 0) * 60_000,
          delete: !m.deleted,
          history: Boolean(revise?.admin && (m.edited || m.deleted)),
          fromStaff: m.fromStaff,
        }
      : null;
    return { seq: m.seq, anchor, markUnread: markUnread(m), revise: target };
  };

  function onKeyDown(e: React.KeyboardEvent<HTMLOListElement>) {
    const items = [...(list.current?.querySelectorAll<HTMLElement>(":scope > li[data-key]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const to = arrowTarget(e.key, at, items.length);
    if (to !== null) {
      e.preventDefault();
      items[Math.max(0, Math.min(items.length - 1, to))]!.focus(); // its onFocus makes it the tab stop
      return;
    }
    if (e.key === "Enter" || e.key === "ContextMenu" || (e.key === "F10" && e.shiftKey)) {
      const entry = entries.find((x) => keyOf(x) === items[at]!.dataset.key);
      if (entry?.kind === "message" && withActions(entry.m)) {
        e.preventDefault();
        openMessageMenu(menuFor(entry.m, items[at]!));
      }
    }
  }

  return (
    <ol ref={list} aria-label={t("thread.history")} className="flex flex-col" onKeyDown={onKeyDown}>
      {entries.map((e, i) => {
        const newDay = days[i] !== days[i - 1];
        const prev = entries[i - 1];
        const startsGroup =
          newDay ||
          !prev ||
          authorOf(e) === null ||
          authorOf(prev) !== authorOf(e) ||
          e.at.getTime() - prev.at.getTime() > GROUP_MS;
        const key = keyOf(e);
        const separator = newDay ? (
          <div
            role="separator"
            className="my-3 self-center rounded-full bg-slate-100 px-3 py-0.5 text-xs font-medium text-muted"
          >
            {formatDay(e.at, timeZone, locale)}
          </div>
        ) : null;
        const time = <time dateTime={e.at.toISOString()}>{formatTime(e.at, timeZone, locale)}</time>;
        const li = (testId: string, body: React.ReactNode, extra: Record<string, string | number> = {}) => (
          <li
            key={key}
            data-key={key}
            tabIndex={key === tabStop ? 0 : -1}
            onFocus={() => setCurrent(key)}
            className={`group/message flex flex-col rounded-control outline-offset-0 data-found:bg-highlight/40 data-found:p-1 ${startsGroup ? "mt-3 first:mt-0" : "mt-0.5"}`}
            data-testid={testId}
            data-found={key === found ? "" : undefined}
            {...extra}
          >
            {separator}
            {body}
          </li>
        );
        if (e.kind === "note") {
          const self = Boolean(selfId && e.n.authorId === selfId);
          return li(
            "private-note",
            <>
              {startsGroup ? <GroupHead name={self ? null : e.n.authorName} time={time} own /> : null}
              <div className="max-w-[85%] self-end rounded-card border border-note-line bg-note px-3 py-2 text-sm text-note-ink sm:max-w-[75%]">
                <p className="mb-0.5 text-[0.6875rem] font-semibold tracking-wide text-note-label uppercase">
                  {t("thread.privateNote")}
                </p>
                <MessageText text={e.n.body} mentions={e.n.mentions.map((m) => m.name)} />
              </div>
            </>,
          );
        }
        const m = e.m;
        const own = mine(m);
        if (m.kind === "SYSTEM") {
          return li(
            "message",
            <div className="self-center py-1 text-xs text-muted" data-testid={m.notice ? "chat-notice" : undefined}>
              {m.notice ? noticeText(m.notice, t, locale) : <MessageText text={m.body} />}
            </div>,
            { "data-seq": m.seq },
          );
        }
        const self = byReader(m);
        const actions = withActions(m);
        return li(
          "message",
          <>
            {startsGroup ? (
              <GroupHead name={self ? null : (m.authorName ?? t("thread.systemAuthor"))} time={time} own={own} />
            ) : null}
            <div
              className={`flex max-w-[85%] items-end gap-1.5 sm:max-w-[75%] ${own ? "flex-row-reverse self-end" : "self-start"}`}
              onContextMenu={(ev) => {
                if (!actions) return;
                ev.preventDefault(); // a long press on a phone, a right click with a mouse
                const target = menuFor(m, ev.currentTarget);
                // Still pressed (a long press; a right click on Linux): opened once released, or the
                // release would close the menu it just opened (a popover's light dismiss).
                if (ev.buttons === 0) return openMessageMenu(target);
                const released = new AbortController();
                const open = () => {
                  released.abort();
                  setTimeout(() => openMessageMenu(target), 0);
                };
                window.addEventListener("pointerup", open, { signal: released.signal });
                window.addEventListener("pointercancel", open, { signal: released.signal });
              }}
            >
              <div className={`flex min-w-0 flex-col ${own ? "items-end" : "items-start"}`}>
                {m.kind === "SHIFT_QUESTION" || m.kind === "UNAVAILABILITY_REPORT" ? (
                  <ShiftCard
                    message={m}
                    timeZone={timeZone}
                    staff={Boolean(staffConversationId)}
                    gone={Boolean(m.shift && goneShiftIds?.has(m.shift.id))}
                  />
                ) : m.deleted ? (
                  <p
                    className="rounded-bubble border border-dashed border-line px-3 py-2 text-sm text-muted italic"
                    data-testid="message-deleted"
                  >
                    {m.deleted === "admin" ? t("revise.deletedByAdmin") : t("revise.deleted")}
                    {revise?.admin ? (
                      <Link
                        tabIndex={-1}
                        href={`/settings/audit/messages/${encodeURIComponent(m.id)}`}
                        className="ml-2 text-accent-ink not-italic underline"
                      >
                        {t("revise.history")}
                      </Link>
                    ) : null}
                  </p>
                ) : m.body ? (
                  <div
                    className={`rounded-bubble px-3 py-2 text-sm ${own ? "bg-own text-on-own" : "border border-line bg-surface"}`}
                  >
                    <MessageText text={m.body} />
                  </div>
                ) : null}
                <AttachmentList files={m.attachments} own={own} />
                {m.confirm && !m.deleted ? (
                  staffConversationId ? (
                    <span className="text-[0.6875rem] text-muted" data-testid="confirm-state">
                      {m.confirm.at
                        ? t("thread.confirmedAt", { time: formatTime(new Date(m.confirm.at), timeZone, locale) })
                        : t("thread.confirmWaiting")}
                    </span>
                  ) : own ? null : (
                    <ConfirmButton
                      conversationId={conversationId}
                      messageId={m.id}
                      confirmedAt={m.confirm.at}
                      timeZone={timeZone}
                    />
                  )
                ) : null}
                {m.edited && !m.deleted ? (
                  <span className="text-[0.6875rem] text-muted" data-testid="message-edited">
                    {t("revise.edited")}
                  </span>
                ) : null}
              </div>
              {/* Each message's own time and actions: on hover or focus, never a keyboard stop of their own. */}
              <span className="flex shrink-0 items-center gap-0.5 opacity-0 group-focus-within/message:opacity-100 group-hover/message:opacity-100">
                {startsGroup ? null : <span className="text-[0.6875rem] text-muted">{time}</span>}
                {actions ? (
                  <button
                    type="button"
                    tabIndex={-1}
                    aria-label={t("thread.messageActions")}
                    onClick={(ev) => openMessageMenu(menuFor(m, ev.currentTarget))}
                    className="inline-flex size-8 items-center justify-center rounded-control text-muted hover:bg-slate-100 hover:text-ink pointer-coarse:hidden"
                    data-testid="message-actions"
                  >
                    <Ellipsis aria-hidden="true" className="size-4" />
                  </button>
                ) : null}
              </span>
            </div>
          </>,
          { "data-seq": m.seq },
        );
      })}
    </ol>
  );
}

/** A group's first line: who (none for the reader's own) and when. */
function GroupHead({ name, time, own }: { name: string | null; time: React.ReactNode; own: boolean }) {
  return (
    <p className={`mb-0.5 text-xs text-muted ${own ? "self-end" : "self-start"}`}>
      {name ? <span className="font-medium text-ink">{name} · </span> : null}
      {time}
    </p>
  );
}
