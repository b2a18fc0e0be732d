"use client";

import { useEffect, useMemo, useSyncExternalStore } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { connectivity } from "@/components/live/connectivity";
import { Outbox, type OutboxEvents } from "./outbox";

const SEND_TIMEOUT_MS = 30_000;

/** The conversation's outbox (./outbox.ts) on this page's network, re-sent whenever Shiftline answers again. */
export function useOutbox(conversationId: string, events: OutboxEvents) {
  const t = useTranslations();
  const networkError = t("thread.networkError");
  const outbox = useMemo(
    () =>
      new Outbox(
        {
          post: (item) =>
            connectivity().fetch(`/api/conversations/${encodeURIComponent(conversationId)}/messages`, {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify({
                body: item.body,
                clientId: item.clientId,
                attachmentIds: item.attachments?.map((a) => a.id) ?? [],
                smsCopy: item.smsCopy ?? false,
                urgent: item.urgent ?? false,
              }),
              // A connection that died without closing never answers: after this, it counts as no answer.
              signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
            }),
          reachable: async () => (await connectivity().probe()) !== null,
        },
        { networkError },
      ),
    [conversationId, networkError],
  );
  useEffect(() => outbox.on(events));
  const items = useSyncExternalStore(
    outbox.subscribe,
    () => outbox.items,
    () => outbox.items,
  );
  useEffect(() => connectivity().onBack(() => void outbox.resendWaiting()), [outbox]);
  return { outbox, items };
}
