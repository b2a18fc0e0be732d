"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";

function subscribe(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** Without a network the screen is this device's saved copy: say so, and that sending waits. */
export function OfflineBanner() {
  const t = useTranslations();
  const offline = useSyncExternalStore(
    subscribe,
    () => !navigator.onLine,
    () => false,
  );
  if (!offline) return null;
  return (
    <p role="status" data-testid="offline-banner" className="sticky top-0 z-20 bg-amber-100 px-4 py-2 text-sm text-amber-950">
      {t("pwa.offline")}
    </p>
  );
}
