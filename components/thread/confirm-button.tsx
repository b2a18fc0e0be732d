"use client";

import { useActionState, useCallback, useEffect, useState } from "react";
import { confirmMessageAction } from "@/lib/inbox/actions";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { connectivity, isGatewayFailure } from "@/components/live/connectivity";
import { formatTime } from "@/lib/text/format";
import { buttonClass } from "@/components/ui/button";
import { Check } from "@/components/ui/icons/check";

// "Tap to confirm you have read this" under a grouped message's copy. Offline, the tap is
// kept on the device (it survives a reload) and sent when Shiftline answers again; the
// server counts it once however often it arrives.

const QUEUE = "shiftline:confirm-queue";
type Queued = { conversationId: string; messageId: string };

const readQueue = (): Queued[] => {
  try {
    return JSON.parse(localStorage.getItem(QUEUE) ?? "[]") as Queued[];
  } catch {
    return [];
  }
};
const writeQueue = (items: Queued[]) => localStorage.setItem(QUEUE, JSON.stringify(items));
const enqueue = (q: Queued) => writeQueue([...readQueue().filter((x) => x.messageId !== q.messageId), q]);
const dequeue = (messageId: string) => writeQueue(readQueue().filter((x) => x.messageId !== messageId));

export function ConfirmButton({
  conversationId,
  messageId,
  confirmedAt,
  timeZone,
}: {
  conversationId: string;
  messageId: string;
  /** ISO, once confirmed (by this device, another, or the live event). */
  confirmedAt: string | null;
  timeZone: string;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const [state, setState] = useState<"idle" | "sending" | "queued" | { at: string }>(
    confirmedAt ? { at: confirmedAt } : "idle",
  );
  // Without JavaScript the form posts this action and the page comes back confirmed.
  const [, formAction] = useActionState(confirmMessageAction, null);
  const send = useCallback(async () => {
    setState((s) => (typeof s === "object" ? s : s === "queued" ? s : "sending"));
    try {
      const response = await connectivity().fetch(`/api/conversations/${encodeURIComponent(conversationId)}/confirm`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ messageId }),
      });
      if (isGatewayFailure(response.status)) throw new Error(`HTTP ${response.status}`);
      dequeue(messageId);
      if (!response.ok) return setState("idle"); // refused (deleted since): nothing left to confirm
      const { confirmedAt: at } = (await response.json()) as { confirmedAt: string };
      setState({ at });
    } catch {
      enqueue({ conversationId, messageId });
      setState("queued");
    }
  }, [conversationId, messageId]);
  // A tap kept from before (offline, then reloaded) is sent now, and each time Shiftline is back.
  useEffect(() => {
    if (confirmedAt) return void dequeue(messageId);
    const retry = () => {
      if (readQueue().some((q) => q.messageId === messageId)) void send();
    };
    const next = setTimeout(retry, 0);
    const off = connectivity().onBack(retry);
    return () => {
      clearTimeout(next);
      off();
    };
  }, [confirmedAt, messageId, send]);
  const at = confirmedAt ?? (typeof state === "object" ? state.at : null);
  if (at)
    return (
      <p className="mt-1 inline-flex items-center gap-1 text-xs text-muted" data-testid="confirmed">
        <Check aria-hidden="true" className="size-3.5 text-accent-ink" />
        {t("thread.confirmedAt", { time: formatTime(new Date(at), timeZone, locale) })}
      </p>
    );
  if (state === "queued")
    return (
      <p role="status" className="mt-1 inline-flex items-center gap-1 text-xs text-muted" data-testid="confirm-queued">
        <Check aria-hidden="true" className="size-3.5" />
        {t("thread.confirmQueued")}
      </p>
    );
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        e.preventDefault(); // with JavaScript: sent now, or kept until Shiftline answers
        void send();
      }}
      className="mt-1 flex flex-wrap items-center gap-2"
      data-testid="confirm-ask"
    >
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="messageId" value={messageId} />
      <span className="text-xs text-muted">{t("thread.confirmAsk")}</span>
      <button type="submit" disabled={state === "sending"} className={`${buttonClass("primary", "sm")} min-w-24`}>
        <Check aria-hidden="true" className="size-4" />
        {t("thread.confirm")}
      </button>
    </form>
  );
}
