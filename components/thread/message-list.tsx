"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ThreadMessage, ThreadNote } from "@/lib/conversations/wire";
import { markUnreadAction } from "@/lib/inbox/actions";
import { dayKey, formatDay, formatTime } from "@/lib/text/format";
import { ActionButton } from "@/components/ui/action-button";
import { MessageText } from "./message-text";
import { ShiftCard } from "./shift-card";
import { AttachmentList } from "@/components/files/attachment-list";
import { noticeText } from "@/components/chat/notice-text";

export type Side = "staff" | { userId: string };

/** Whether a message sits on the reader's side: the organisation's on staff pages, the reader's own on a teammate's. */
export const isOwn = (m: ThreadMessage, side: Side) => (side === "staff" ? m.fromStaff : m.authorId === side.userId);

type Entry = { kind: "message"; at: Date; m: ThreadMessage } | { kind: "note"; at: Date; n: ThreadNote };

/**
 * A thread in order with day separators. `side` decides which side a message
 * sits on: the organisation's messages on staff pages, the reader's own on a
 * teammate's. `notes` and `staffConversationId` are given on staff pages only.
 */
export function MessageList({
  messages,
  notes = [],
  timeZone,
  side,
  staffConversationId,
  listQuery = "",
  goneShiftIds,
}: {
  messages: ThreadMessage[];
  notes?: ThreadNote[];
  timeZone: string;
  side: Side;
  staffConversationId?: string;
  listQuery?: string;
  /** Shifts the teammate is no longer on: their cards say so. */
  goneShiftIds?: Set<string>;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const mine = (m: ThreadMessage) => isOwn(m, side);
  const entries: Entry[] = [
    ...messages.map((m) => ({ kind: "message" as const, at: m.createdAt, m })),
    ...notes.map((n) => ({ kind: "note" as const, at: n.createdAt, n })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (entries.length === 0) return <p className="py-8 text-center text-sm text-slate-500">{t("thread.empty")}</p>;
  const days = entries.map((e) => dayKey(e.at, timeZone));
  return (
    <ol aria-label={t("thread.history")} className="flex flex-col gap-2">
      {entries.map((e, i) => {
        const separator =
          days[i] !== days[i - 1] ? (
            <div
              role="separator"
              className="my-3 self-center rounded-full bg-slate-200 px-3 py-0.5 text-xs text-slate-600"
            >
              {formatDay(e.at, timeZone, locale)}
            </div>
          ) : null;
        if (e.kind === "note") {
          return (
            <li key={`n-${e.n.id}`} className="flex flex-col" data-testid="private-note">
              {separator}
              <div className="max-w-[80%] self-end rounded-lg border border-yellow-300 bg-yellow-100 px-3 py-2 text-sm text-yellow-950">
                <p className="mb-0.5 text-xs font-semibold uppercase tracking-wide text-yellow-800">
                  {t("thread.privateNote")}
                </p>
                <MessageText text={e.n.body} />
              </div>
              <p className="mt-0.5 self-end text-xs text-slate-500">
                {e.n.authorName} ·{" "}
                <time dateTime={e.n.createdAt.toISOString()}>{formatTime(e.n.createdAt, timeZone, locale)}</time>
              </p>
            </li>
          );
        }
        const m = e.m;
        const own = mine(m);
        return (
          <li key={m.id} className="group flex flex-col" data-testid="message" data-seq={m.seq}>
            {separator}
            {m.kind === "SYSTEM" ? (
              <div className="self-center text-xs text-slate-500" data-testid={m.notice ? "chat-notice" : undefined}>
                {m.notice ? noticeText(m.notice, t, locale) : <MessageText text={m.body} />}
              </div>
            ) : (
              <div className={`max-w-[80%] ${own ? "self-end" : "self-start"}`}>
                {m.kind === "SHIFT_QUESTION" || m.kind === "UNAVAILABILITY_REPORT" ? (
                  <ShiftCard
                    message={m}
                    timeZone={timeZone}
                    staff={Boolean(staffConversationId)}
                    gone={Boolean(m.shift && goneShiftIds?.has(m.shift.id))}
                  />
                ) : m.body ? (
                  <div
                    className={`rounded-2xl px-3 py-2 text-sm ${own ? "bg-teal-700 text-white" : "border border-slate-200 bg-white"}`}
                  >
                    <MessageText text={m.body} />
                  </div>
                ) : null}
                <AttachmentList files={m.attachments} own={own} />
                <div className={`mt-0.5 flex items-center gap-2 text-xs text-slate-500 ${own ? "justify-end" : ""}`}>
                  <span>
                    {m.authorName ?? t("thread.systemAuthor")} ·{" "}
                    <time dateTime={m.createdAt.toISOString()}>{formatTime(m.createdAt, timeZone, locale)}</time>
                  </span>
                  {/* Per message from 640 px; on a phone the thread's own "Mark as unread" (a full-size target) does it. */}
                  {staffConversationId && !m.fromStaff ? (
                    <span className="hidden sm:inline-flex">
                      <ActionButton
                        action={markUnreadAction}
                        fields={{ conversationId: staffConversationId, fromSeq: String(m.seq), list: listQuery }}
                        label={t("inbox.markUnread")}
                        className="text-slate-600 underline-offset-2 hover:underline"
                      />
                    </span>
                  ) : null}
                </div>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
