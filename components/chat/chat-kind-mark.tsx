"use client";

import { useTranslations } from "@/lib/i18n/client";

/** Public and private conversations at a glance: a teal square with #, or a slate circle with a lock. */
export function ChatKindMark({ kind }: { kind: "CHANNEL" | "GROUP" }) {
  const t = useTranslations();
  return kind === "CHANNEL" ? (
    <span
      role="img"
      aria-label={t("chat.public")}
      className="flex size-9 shrink-0 items-center justify-center rounded-control bg-accent text-lg font-bold text-on-accent"
    >
      #
    </span>
  ) : (
    <span
      role="img"
      aria-label={t("chat.private")}
      className="flex size-9 shrink-0 items-center justify-center rounded-full bg-slate-600 text-white"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
        <path d="M10 2a4 4 0 0 0-4 4v2H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V9a1 1 0 0 0-1-1h-1V6a4 4 0 0 0-4-4Zm-2 6V6a2 2 0 1 1 4 0v2H8Z" />
      </svg>
    </span>
  );
}
