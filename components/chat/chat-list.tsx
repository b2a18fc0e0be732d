"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import type { ChatRow } from "@/lib/chat/queries";
import { formatListTime } from "@/lib/text/format";
import { useLiveEvent, useSafeRefresh } from "@/components/live/live-events";
import { ChatKindMark } from "./chat-kind-mark";

/**
 * The conversations, newest first, kept current from live events: a message moves
 * its conversation up with its preview and (from others, when it is not the open one)
 * one more unread; joining, leaving and deletions re-read the list from the server.
 */
export function ChatList({
  rows,
  base,
  selfId,
  timeZone,
  label,
  main = true,
}: {
  rows: ChatRow[];
  base: string;
  selfId: string;
  timeZone: string;
  label: string;
  /** The page's main list re-reads the page for conversations it does not show; a second list only patches its own rows. */
  main?: boolean;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const pathname = usePathname();
  const refresh = useSafeRefresh();
  const [patches, setPatches] = useState<Record<string, Partial<ChatRow>>>({});
  const [seenRows, setSeenRows] = useState(rows);
  if (seenRows !== rows) {
    // A fresh list from the server holds everything the patches did.
    setSeenRows(rows);
    setPatches({});
  }
  const openId = (id: string) => pathname === `${base}/${encodeURIComponent(id)}`;
  useLiveEvent("message.revised", (p) => {
    const preview = p.preview;
    if (preview === null || !rows.some((r) => r.id === p.conversationId)) return;
    setPatches((all) => ({ ...all, [p.conversationId]: { ...all[p.conversationId], preview } }));
  });
  useLiveEvent("chat.message", (p) => {
    const row = rows.find((r) => r.id === p.conversationId);
    if (!row) return main ? refresh() : undefined;
    setPatches((all) => {
      const was = { ...row, ...all[row.id] };
      const fromOther = p.message.authorId !== selfId && p.message.kind !== "SYSTEM";
      return {
        ...all,
        [row.id]: {
          lastMessageAt: new Date(p.message.createdAt),
          preview: p.message.notice ? was.preview : p.preview,
          unread: fromOther && !openId(row.id) ? was.unread + 1 : was.unread,
        },
      };
    });
  });
  const reread = () => main && refresh();
  useLiveEvent("chat.joined", reread);
  useLiveEvent("chat.left", reread);
  useLiveEvent("chat.changed", reread);
  useLiveEvent("thread.read", (p) => {
    if (rows.some((r) => r.id === p.conversationId))
      setPatches((all) => ({ ...all, [p.conversationId]: { ...all[p.conversationId], unread: 0 } }));
  });
  const shown = rows
    .map((r) => ({ ...r, ...patches[r.id] }))
    .sort((a, b) => (b.lastMessageAt?.getTime() ?? 0) - (a.lastMessageAt?.getTime() ?? 0));
  if (shown.length === 0) return null;
  return (
    <ul aria-label={label} className="divide-y divide-slate-100">
      {shown.map((r) => {
        const active = openId(r.id);
        return (
          <li key={r.id}>
            <Link
              href={`${base}/${encodeURIComponent(r.id)}`}
              aria-current={active ? "page" : undefined}
              data-testid="chat-row"
              data-kind={r.kind}
              className={`flex min-h-16 items-center gap-3 px-3 py-2 ${active ? "bg-teal-50" : "hover:bg-slate-50"}`}
            >
              <ChatKindMark kind={r.kind} />
              <span className="min-w-0 flex-1">
                <span className="flex items-baseline justify-between gap-2">
                  <span className={`truncate ${r.unread ? "font-semibold" : "font-medium"}`}>{r.title}</span>
                  {r.lastMessageAt ? (
                    <span className="shrink-0 text-xs text-slate-500">
                      {formatListTime(r.lastMessageAt, timeZone, locale)}
                    </span>
                  ) : null}
                </span>
                <span className="flex items-center justify-between gap-2 text-sm text-slate-600">
                  <span className="truncate" dir="auto">
                    {r.departmentName ? `${r.departmentName} · ` : ""}
                    {!r.joined ? t("chat.notJoined") : (r.preview ?? t("chat.noMessages"))}
                  </span>
                  {r.unread ? (
                    <span
                      aria-label={t("nav.unread", { count: r.unread })}
                      data-testid="chat-unread"
                      className="shrink-0 rounded-full bg-badge px-2 text-xs text-on-accent"
                    >
                      {r.unread > 99 ? "99+" : r.unread}
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
