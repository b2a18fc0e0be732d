"use client";

import { useState } from "react";
import { markProcessedAction } from "@/lib/inbox/actions";
import { useLiveEvent } from "@/components/live/live-events";
import type { ProcessedHistoryEntry } from "@/lib/inbox/processed";
import { formatDateTime } from "@/lib/text/format";
import { ActionButton } from "@/components/ui/action-button";
import { useLocale, useTranslations } from "next-intl";

type State = {
  processed: boolean;
  processedAt: Date | null;
  processedBy: string | null;
  history: ProcessedHistoryEntry[];
};

/**
 * "✓ Processed by …" in green, or a quiet "Not processed" (the resting state of every
 * thread, so no warning colour), the button that flips it, and
 * the history; kept current when another manager (or the teammate's new message) changes it.
 */
export function ProcessedBanner({
  conversationId,
  timeZone,
  after,
  ...initial
}: {
  conversationId: string;
  processed: boolean;
  processedAt: Date | null;
  processedBy: string | null;
  history: ProcessedHistoryEntry[];
  timeZone: string;
  /** Beside the button, after it in the keyboard's order (Mute: seldom used, never in the way). */
  after?: React.ReactNode;
}) {
  const [live, setLive] = useState<State | null>(null);
  // A newer server render (after this user's own click) wins over what events told.
  const newest = (s: State) => s.history[0]?.at.getTime() ?? 0;
  const { processed, processedAt, processedBy, history } = live && newest(live) > newest(initial) ? live : initial;
  const t = useTranslations();
  const locale = useLocale();
  useLiveEvent("thread.processed", (p) => {
    if (p.conversationId !== conversationId) return;
    const at = new Date(p.at);
    setLive({
      processed: p.processed,
      processedAt: p.processed ? at : null,
      processedBy: p.byFirstName,
      history: [{ processed: p.processed, at, by: p.byName }, ...history],
    });
  });
  return (
    <div
      className={`px-3 py-2 text-sm sm:px-5 ${processed ? "bg-green-100 text-green-900" : "border-b border-slate-200 bg-white text-slate-700"}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" data-testid="processed-banner" className="font-medium">
          <span aria-hidden="true">{processed ? "✓ " : "○ "}</span>
          {processed && processedAt
            ? processedBy
              ? t("inbox.processedBy", { name: processedBy, date: formatDateTime(processedAt, timeZone, locale) })
              : t("inbox.processedOn", { date: formatDateTime(processedAt, timeZone, locale) })
            : t("inbox.notProcessed")}
        </p>
        <div className="flex flex-wrap gap-2">
          <ActionButton
            action={markProcessedAction}
            fields={{ conversationId, processed: String(!processed) }}
            label={t(processed ? "inbox.markNotProcessed" : "inbox.markProcessed")}
            className="min-h-11 rounded-md border border-current/30 bg-white/70 px-3 text-sm font-medium hover:bg-white"
          />
          {after}
        </div>
      </div>
      {history.length ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs">{t("inbox.history")}</summary>
          <ul className="mt-1 space-y-0.5 text-xs" data-testid="processed-history">
            {history.map((h, i) => (
              <li key={i}>
                {t(h.processed ? "inbox.processed" : "inbox.notProcessed")} · {h.by ?? t("inbox.historyByTeammate")} ·{" "}
                {formatDateTime(h.at, timeZone, locale)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
