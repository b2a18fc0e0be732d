"use client";

import { useEffect, useRef, useState } from "react";
import { usePathname } from "next/navigation";
import { useLiveEvent } from "@/components/live/live-events";

/** Posts to the service worker once it runs (it may still be installing on the first visit). */
async function tellWorker(message: object) {
  if (!("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage(message);
}

/**
 * Registers the service worker and tells it who is signed in (its saved pages belong to one
 * user), which screens were opened (kept for offline) and the unread count for the app badge.
 */
export function AppWorker({ userId, role, unread }: { userId: string; role: string; unread: number }) {
  const pathname = usePathname();
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(() => {
        // The build's files this page already loaded, which the worker did not see go by.
        const assets = performance
          .getEntriesByType("resource")
          .map((e) => new URL(e.name).pathname)
          .filter((p) => p.startsWith("/_next/static/"));
        return tellWorker({ type: "user", id: userId, role, assets });
      })
      // Loaded once the worker runs: push code is not part of any page's first load.
      .then(() => import("./push-device").then((m) => m.syncPushSubscription()))
      .catch(() => undefined);
  }, [userId, role]);

  // A page the worker served itself is kept already; screens opened inside the app are not.
  const loaded = useRef(pathname);
  useEffect(() => {
    if (role !== "TEAMMATE" || !pathname.startsWith("/me")) return;
    if (pathname === loaded.current && navigator.serviceWorker?.controller) return;
    loaded.current = "";
    void tellWorker({ type: "visited", path: pathname }).catch(() => undefined);
  }, [role, pathname]);

  // The app's badge follows what arrives live, not only what the page counted when it loaded:
  // one more for each message from others that the reader is not looking at.
  const [arrived, setArrived] = useState({ base: unread, count: 0 });
  if (arrived.base !== unread) setArrived({ base: unread, count: 0 });
  const looking = (conversationId: string) =>
    !document.hidden &&
    (pathname.includes(conversationId) || (role === "TEAMMATE" && (pathname === "/me" || pathname === "/me/messages")));
  useLiveEvent("message.created", (p) => {
    const fromOthers = role === "TEAMMATE" ? p.message.fromStaff : p.inbound;
    if (fromOthers && !looking(p.conversationId)) setArrived((a) => ({ ...a, count: a.count + 1 }));
  });
  useLiveEvent("chat.message", (p) => {
    if (p.message.authorId !== userId && p.message.kind !== "SYSTEM" && !looking(p.conversationId))
      setArrived((a) => ({ ...a, count: a.count + 1 }));
  });
  const badge = unread + arrived.count;

  useEffect(() => {
    const nav = navigator as Navigator & {
      setAppBadge?: (n: number) => Promise<void>;
      clearAppBadge?: () => Promise<void>;
    };
    if (!nav.setAppBadge) return;
    void (badge > 0 ? nav.setAppBadge(badge) : nav.clearAppBadge?.())?.catch(() => undefined);
  }, [badge]);
  return null;
}

/** Signing out: this device forgets the saved pages and stops taking push for the account. */
export async function forgetDevice() {
  await tellWorker({ type: "signed-out" }).catch(() => undefined);
}

/**
 * The session ended (refused by the server): the saved pages go before anything else, so
 * that this device never shows them again, offline or not. Waits for the worker's answer,
 * a second at most; a page without a worker has nothing to forget.
 */
export async function forgetSavedPages(): Promise<void> {
  const worker = typeof navigator !== "undefined" ? navigator.serviceWorker?.controller : null;
  if (!worker) return;
  const channel = new MessageChannel();
  const done = new Promise<void>((resolve) => {
    channel.port1.onmessage = () => resolve();
    setTimeout(resolve, 1000);
  });
  worker.postMessage({ type: "signed-out" }, [channel.port2]);
  await done;
}
