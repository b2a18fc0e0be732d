"use client";

import { useEffect } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { buttonClass } from "@/components/ui/button";

/**
 * The offline page tries again by itself: it asks Shiftline every few seconds (and when the
 * device says it is back online) and reopens the screen that was asked for once it answers.
 */
export function OfflineRetry() {
  const t = useTranslations();
  useEffect(() => {
    let stopped = false;
    const tryNow = async () => {
      try {
        const r = await fetch("/api/ping", { cache: "no-store" });
        if (r.ok && !stopped) location.reload();
      } catch {
        // still offline
      }
    };
    const later = () => void tryNow();
    const timer = setInterval(later, 5000);
    window.addEventListener("online", later);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("online", later);
    };
  }, []);
  return (
    <button type="button" onClick={() => location.reload()} className={buttonClass("primary")}>
      {t("pwa.offlinePage.retry")}
    </button>
  );
}
