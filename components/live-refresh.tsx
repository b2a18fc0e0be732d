"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

// Event types that change what a page shows.
const TYPES = ["message.created", "thread.processed", "note.created", "thread.read"];

/**
 * Keeps the page current without a reload: listens to the user's event stream
 * and re-renders the page from the server when something they may see changes.
 * The browser's EventSource reconnects by itself and resumes after its last event id.
 */
export function LiveRefresh({ after }: { after: number }) {
  const router = useRouter();
  const start = useRef(after);
  useEffect(() => {
    const source = new EventSource(`/api/events?after=${start.current}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 30);
    };
    for (const t of TYPES) source.addEventListener(t, refresh);
    source.onopen = () => {
      document.documentElement.dataset.live = "open";
    };
    source.onerror = () => {
      document.documentElement.dataset.live = source.readyState === EventSource.CLOSED ? "closed" : "reconnecting";
    };
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router]);
  return null;
}
