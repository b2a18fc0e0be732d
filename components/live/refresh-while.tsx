"use client";

import { useEffect } from "react";
import { useSafeRefresh } from "./live-events";

/** Re-renders the page every few seconds while something it shows is still moving (an export's progress). */
export function RefreshWhile({ active, everyMs = 2000 }: { active: boolean; everyMs?: number }) {
  const refresh = useSafeRefresh();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(refresh, everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, refresh]);
  return null;
}
