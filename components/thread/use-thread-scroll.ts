"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";

const NEAR_BOTTOM_PX = 80;

/**
 * Where a thread is scrolled: it opens at its newest message and follows new ones while
 * the reader is at the bottom (or when the newest is their own). Scrolled up, it keeps the
 * reader's place and counts what arrived below. Older messages put in front keep the
 * reader's place too. `pane` scrolls on its own (staff); without it the page scrolls (phone).
 */
export function useThreadScroll(
  pane: RefObject<HTMLElement | null> | null,
  entries: { firstKey: string; lastKey: string; lastMine: boolean },
) {
  const scroller = useCallback(() => (pane ? pane.current : (document.scrollingElement as HTMLElement | null)), [pane]);
  const pinned = useRef(true);
  const [atBottom, setAtBottom] = useState(true);
  const seen = useRef<string | null>(null);
  const keepFromBottom = useRef<number | null>(null);

  useLayoutEffect(() => {
    const el = scroller();
    if (!el) return;
    if (keepFromBottom.current !== null) {
      el.scrollTop = el.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = null;
    } else if (seen.current === null || (entries.lastKey !== seen.current && (pinned.current || entries.lastMine))) {
      el.scrollTop = el.scrollHeight;
    }
    seen.current = entries.lastKey;
  }, [scroller, entries.firstKey, entries.lastKey, entries.lastMine]);

  useEffect(() => {
    const target: HTMLElement | Window | null = pane ? pane.current : window;
    if (!target) return;
    const onScroll = () => {
      const el = scroller();
      if (!el) return;
      const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
      pinned.current = bottom;
      setAtBottom(bottom);
    };
    target.addEventListener("scroll", onScroll, { passive: true });
    return () => target.removeEventListener("scroll", onScroll);
  }, [pane, scroller]);

  return {
    /** The reader is at the newest message (what arrives is in view). */
    atBottom,
    /** Call before putting older messages in front: the reader stays where they are. */
    keepPlace() {
      const el = scroller();
      if (el) keepFromBottom.current = el.scrollHeight - el.scrollTop;
    },
    toBottom() {
      const el = scroller();
      if (el) el.scrollTo({ top: el.scrollHeight, behavior: "smooth" });
    },
  };
}
