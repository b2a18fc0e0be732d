"use client";

// The little of push that every page with a sign-out button needs (./push-device is the rest,
// loaded where push is set up, or once the service worker runs).

export function supported(): boolean {
  return (
    typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window
  );
}

export async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!supported()) return null;
  return (await navigator.serviceWorker.getRegistration("/")) ?? null;
}

/** Signing out: the push service forgets this device (the server drops it with the session). */
export async function dropDeviceSubscription(): Promise<void> {
  const sub = await (await registration())?.pushManager.getSubscription();
  await sub?.unsubscribe().catch(() => undefined);
}
