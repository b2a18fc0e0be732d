"use client";

import { useEffect, useRef } from "react";
import { connectivity } from "@/components/live/connectivity";

const DELAY_MS = 300;

/**
 * Records how far the reader has read, outside render: when the thread opens,
 * when a message arrives while the page is visible, and when the page becomes
 * visible again. Only forward, at most one request at a time. `always`: report
 * once even with nothing to read (opening a public conversation joins it).
 */
export function useReadReporter(conversationId: string, latestSeq: number, openedAt: string, always = false) {
  const reported = useRef(always ? -1 : 0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      clearTimeout(timer);
      if (document.visibilityState !== "visible" || latestSeq <= reported.current) return;
      timer = setTimeout(() => {
        const seq = latestSeq;
        reported.current = seq;
        connectivity()
          .fetch(`/api/conversations/${encodeURIComponent(conversationId)}/read`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ seq, openedAt }),
          })
          .catch(() => {
            reported.current = Math.min(reported.current, seq - 1); // try again on the next change
          });
      }, DELAY_MS);
    };
    report();
    document.addEventListener("visibilitychange", report);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", report);
    };
  }, [conversationId, latestSeq, openedAt]);
}
