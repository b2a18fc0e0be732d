"use client";

import Link from "next/link";
import { useState } from "react";
import { useLiveEvent } from "@/components/live/live-events";
import { IconButton, buttonClass } from "@/components/ui/button";
import { X } from "@/components/ui/icons";
import { useTranslations } from "@/lib/i18n/client";

type Notice = { conversationId: string; by: string; name: string };

/** "Max Manager assigned you the thread with Tess One." where the assignee is, live, until they open or dismiss it. */
export function AssignedNotice({ selfId }: { selfId: string }) {
  const t = useTranslations();
  const [notices, setNotices] = useState<Notice[]>([]);
  useLiveEvent("thread.assigned", (p) => {
    setNotices((now) => {
      const rest = now.filter((n) => n.conversationId !== p.conversationId);
      // Given to me by someone else: said. Taken back or given to another: the notice goes.
      return p.assignee?.id === selfId && p.by.id !== selfId
        ? [...rest, { conversationId: p.conversationId, by: p.by.name, name: p.teammateName }].slice(-3)
        : rest;
    });
  });
  if (notices.length === 0) return null;
  const dismiss = (id: string) => setNotices((now) => now.filter((n) => n.conversationId !== id));
  // At the top: the bottom of the screen is the reply box's.
  return (
    <div className="pointer-events-none fixed inset-x-3 top-[max(0.75rem,env(safe-area-inset-top))] z-40 flex flex-col items-end gap-2 md:right-4 md:left-auto">
      {notices.map((n) => (
        <div
          key={n.conversationId}
          role="status"
          data-testid="assigned-notice"
          className="pointer-events-auto flex w-full max-w-sm items-center gap-2 rounded-card border border-line bg-raised py-1.5 pr-1.5 pl-3 text-sm shadow-lg"
        >
          <p className="min-w-0 flex-1">{t("assign.notice", { by: n.by, name: n.name })}</p>
          <Link
            href={`/inbox/${encodeURIComponent(n.conversationId)}`}
            onClick={() => dismiss(n.conversationId)}
            className={buttonClass("secondary", "sm")}
          >
            {t("assign.open")}
          </Link>
          <IconButton label={t("common.close")} onClick={() => dismiss(n.conversationId)}>
            <X aria-hidden="true" className="size-4" />
          </IconButton>
        </div>
      ))}
    </div>
  );
}
