"use client";

import { useEffect, useRef, useState } from "react";
import { usePathname } from "next/navigation";
import { useLiveEvent } from "@/components/live/live-events";
import { connectivity } from "@/components/live/connectivity";

/**
 * The Chat menu's unread total, kept current: a message from someone else in a
 * conversation that is not open adds one; joining, leaving, a deletion or reading
 * (here or on another device) ask the server for the total again (once per burst).
 */
export function useChatUnread(initial: number, enabled: boolean, selfId: string): number {
  const pathname = usePathname();
  const [count, setCount] = useState(initial);
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setCount(initial);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const isOpen = (conversationId: string) => pathname.endsWith(`/chat/${encodeURIComponent(conversationId)}`);
  const recount = () => {
    if (!enabled) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      connectivity()
        .fetch("/api/chat/unread", { cache: "no-store" })
        .then((r) => (r.ok ? (r.json() as Promise<{ unread: number }>) : null))
        .then((body) => body && setCount(body.unread))
        .catch(() => undefined);
    }, 250);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveEvent("chat.message", (p) => {
    if (enabled && p.message.kind !== "SYSTEM" && p.message.authorId !== selfId && !isOpen(p.conversationId))
      setCount((n) => n + 1);
  });
  useLiveEvent("chat.joined", recount);
  useLiveEvent("chat.left", recount);
  useLiveEvent("chat.changed", recount);
  useLiveEvent("thread.read", recount);
  return count;
}
