"use client";

import { useTranslations } from "@/lib/i18n/client";

import type { WireAttachment } from "@/lib/realtime/event-types";
import { useReach } from "@/components/live/connectivity";
import { Paperclip } from "@/components/ui/icons/paperclip";

export type PendingMessage = {
  clientId: string;
  body: string;
  /** Uploaded files waiting on the server for this message. */
  attachments?: WireAttachment[];
  /** Staff asked for an SMS copy too (kept for a retry). */
  smsCopy?: boolean;
  /** Staff marked it urgent (it notifies during quiet hours). */
  urgent?: boolean;
  /** "waiting": Shiftline could not be reached; it goes by itself when it answers again. */
  status: "sending" | "sent" | "failed" | "waiting";
  error?: string;
  sentAtSeq?: number;
};

/** Messages on their way: shown at once, greyed while sending, with Retry when sending failed. */
export function PendingMessages({
  items,
  onRetry,
  onEdit,
}: {
  items: PendingMessage[];
  onRetry: (clientId: string) => void;
  onEdit: (clientId: string) => void;
}) {
  const t = useTranslations();
  const reach = useReach();
  if (items.length === 0) return null;
  return (
    <ol aria-label={t("thread.outbox")} className="mb-2 flex flex-col gap-2">
      {items.map((m) => (
        <li key={m.clientId} data-testid="pending-message" data-status={m.status} className="max-w-[80%] self-end">
          <div
            className={`rounded-2xl px-3 py-2 text-sm whitespace-pre-wrap [overflow-wrap:anywhere] ${m.status === "failed" ? "border border-red-300 bg-red-50 text-red-950" : "border border-dashed border-teal-700 bg-teal-50 text-teal-950"}`}
          >
            {m.body}
            {m.attachments?.length ? (
              <span className="flex items-center gap-1 text-xs">
                <Paperclip aria-hidden="true" className="size-3" /> {m.attachments.map((a) => a.name).join(", ")}
              </span>
            ) : null}
          </div>
          <p
            className="mt-0.5 flex justify-end gap-2 text-xs text-slate-600"
            role={m.status === "failed" ? "alert" : undefined}
          >
            {m.status === "sending" ? (
              t("thread.sending")
            ) : m.status === "waiting" ? (
              t(reach === "down" ? "thread.waitingForServer" : "thread.waitingForNetwork")
            ) : m.status === "sent" ? (
              t("thread.sent")
            ) : (
              <>
                <span className="text-red-700">{m.error ?? t("thread.notSent")}</span>
                <button
                  type="button"
                  className="min-h-11 font-medium text-teal-800 underline"
                  onClick={() => onRetry(m.clientId)}
                >
                  {t("thread.retry")}
                </button>
                <button type="button" className="min-h-11 underline" onClick={() => onEdit(m.clientId)}>
                  {t("thread.edit")}
                </button>
              </>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
