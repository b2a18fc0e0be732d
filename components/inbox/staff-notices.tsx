"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { useLiveEvent } from "@/components/live/live-events";
import { IconButton, buttonClass } from "@/components/ui/button";
import { X } from "@/components/ui/icons/x";
import { useTranslations } from "@/lib/i18n/client";

type Notice = { key: string; conversationId: string; text: string };

/**
 * What a colleague did for this manager, said where they are, live, until they open or dismiss
 * it: "Max Manager assigned you the thread with Tess One.", "Max Manager mentioned you in a note…".
 */
export function StaffNotices({ selfId }: { selfId: string }) {
  const t = useTranslations();
  const [notices, setNotices] = useState<Notice[]>([]);
  const add = (n: Notice) => setNotices((now) => [...now.filter((o) => o.key !== n.key), n].slice(-3));
  useLiveEvent("thread.assigned", (p) => {
    const key = `assigned:${p.conversationId}`;
    // Given to me by someone else: said. Taken back or given to another: the notice goes.
    if (p.assignee?.id === selfId && p.by.id !== selfId)
      add({ key, conversationId: p.conversationId, text: t("assign.notice", { by: p.by.name, name: p.teammateName }) });
    else setNotices((now) => now.filter((n) => n.key !== key));
  });
  useLiveEvent("note.mentioned", (p) =>
    add({
      key: `mention:${p.noteId}`,
      conversationId: p.conversationId,
      text: t("mention.notice", { by: p.by.name, name: p.teammateName }),
    }),
  );
  if (notices.length === 0) return null;
  const dismiss = (key: string) => setNotices((now) => now.filter((n) => n.key !== key));
  // At the top: the bottom of the screen is the reply box's.
  return (
    <div className="pointer-events-none fixed inset-x-3 top-[max(0.75rem,env(safe-area-inset-top))] z-40 flex flex-col items-end gap-2 md:right-4 md:left-auto">
      {notices.map((n) => (
        <div
          key={n.key}
          role="status"
          data-testid="staff-notice"
          className="pointer-events-auto flex w-full max-w-sm items-center gap-2 rounded-card border border-line bg-raised py-1.5 pr-1.5 pl-3 text-sm shadow-lg"
        >
          <p className="min-w-0 flex-1">{n.text}</p>
          <Link
            href={`/inbox/${encodeURIComponent(n.conversationId)}`}
            onClick={() => dismiss(n.key)}
            className={buttonClass("secondary", "sm")}
          >
            {t("assign.open")}
          </Link>
          <IconButton label={t("common.close")} onClick={() => dismiss(n.key)}>
            <X aria-hidden="true" className="size-4" />
          </IconButton>
        </div>
      ))}
    </div>
  );
}
