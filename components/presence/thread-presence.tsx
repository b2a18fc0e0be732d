"use client";

import { Avatar } from "@/components/ui/avatar";
import { ComposerTypingContext } from "@/components/thread/composer-typing";
import { useTranslations } from "@/lib/i18n/client";
import { useReportOpenThread, useThreadPresence, useTypingSignal } from "./presence";

/** A staff thread page: tells that this tab has the thread open, and lets its reply box tell what is typed. */
export function ThreadPresence({ conversationId, children }: { conversationId: string; children: React.ReactNode }) {
  useReportOpenThread(conversationId);
  const typing = useTypingSignal();
  return <ComposerTypingContext value={typing}>{children}</ComposerTypingContext>;
}

/** The other managers who have this thread open: their initials, the name on hover and on focus. */
export function PresenceAvatars({ conversationId }: { conversationId: string }) {
  const t = useTranslations();
  const people = useThreadPresence(conversationId);
  if (people.length === 0) return null;
  const shown = people.slice(0, 3);
  return (
    <ul aria-label={t("presence.here")} data-testid="thread-presence" className="flex shrink-0 -space-x-2">
      {shown.map((p) => (
        <li
          key={p.userId}
          tabIndex={0}
          aria-label={t("presence.viewing", { name: p.name })}
          className="group relative rounded-full ring-2 ring-surface outline-none focus-visible:ring-accent"
        >
          <Avatar name={p.name} size="sm" />
          <span
            aria-hidden="true"
            className="pointer-events-none invisible absolute top-full right-0 z-20 mt-1 rounded-control bg-ink px-2 py-1 text-xs whitespace-nowrap text-canvas group-hover:visible group-focus-visible:visible"
          >
            {p.name}
          </span>
        </li>
      ))}
      {people.length > shown.length ? (
        <li
          className="inline-flex size-7 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-ink ring-2 ring-surface"
          title={people
            .slice(3)
            .map((p) => p.name)
            .join(", ")}
        >
          +{people.length - shown.length}
        </li>
      ) : null}
    </ul>
  );
}

/** "Maya is typing a reply…" above the reply box, or "…writing a private note…". */
export function TypingLine({ conversationId }: { conversationId: string }) {
  const t = useTranslations();
  const typing = useThreadPresence(conversationId).filter((p) => p.typing);
  return (
    <p role="status" data-testid="typing" className="min-h-0 px-1 text-xs text-muted empty:hidden">
      {typing
        .map((p) => t(p.typing === "note" ? "presence.typingNote" : "presence.typingReply", { name: p.name }))
        .join(" ")}
    </p>
  );
}
