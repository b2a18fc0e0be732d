"use client";

import { useLiveEvent, useSafeRefresh } from "@/components/live/live-events";

/** Re-reads the open conversation's page when its participants change (the reader joining it by opening it too) or it is deleted. */
export function ChatFollow({ conversationId }: { conversationId: string }) {
  const refresh = useSafeRefresh();
  useLiveEvent("chat.message", (p) => {
    if (p.conversationId === conversationId && p.message.notice) refresh();
  });
  useLiveEvent("chat.changed", (p) => {
    if (p.conversationId === conversationId) refresh();
  });
  useLiveEvent("chat.joined", (p) => {
    if (p.conversationId === conversationId) refresh();
  });
  return null;
}
