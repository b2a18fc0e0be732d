"use client";

// This device's push subscription, in the browser: asked for, sent to the server, removed.

import { registration, supported } from "./push-registration";

export type DevicePush = "unsupported" | "needs-install" | "denied" | "off" | "on";

const ROUTE = "/api/push/subscription";

export async function devicePushState(): Promise<DevicePush> {
  if (!supported()) {
    // Safari on iPhone offers push only to an app added to the Home Screen.
    const ios = typeof navigator !== "undefined" && /iPhone|iPad/.test(navigator.userAgent);
    return ios && !window.matchMedia("(display-mode: standalone)").matches ? "needs-install" : "unsupported";
  }
  if (Notification.permission === "denied") return "denied";
  const reg = await registration();
  const sub = await reg?.pushManager.getSubscription();
  return sub && Notification.permission === "granted" ? "on" : "off";
}

async function send(method: "POST" | "DELETE", body: object): Promise<{ ok: boolean; error?: string }> {
  const response = await fetch(ROUTE, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await response.json().catch(() => ({ ok: false }))) as { ok: boolean; error?: string };
}

/** Asks the browser, subscribes with the server's public key and stores the subscription. */
export async function subscribeDevice(publicKey: string): Promise<{ ok: boolean; error?: string; state: DevicePush }> {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return { ok: false, state: permission === "denied" ? "denied" : "off" };
  const reg = (await registration()) ?? (await navigator.serviceWorker.register("/sw.js", { scope: "/" }));
  await navigator.serviceWorker.ready;
  const sub =
    (await reg.pushManager.getSubscription()) ??
    (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(publicKey) }));
  const result = await send("POST", sub.toJSON());
  if (!result.ok) await sub.unsubscribe().catch(() => undefined);
  return { ...result, state: result.ok ? "on" : "off" };
}

export async function unsubscribeDevice(): Promise<void> {
  const sub = await (await registration())?.pushManager.getSubscription();
  if (!sub) return;
  await send("DELETE", { endpoint: sub.endpoint }).catch(() => undefined);
  await sub.unsubscribe().catch(() => undefined);
}

/** On each app start: the server learns this device's subscription again (a new session, a renewed key). */
export async function syncPushSubscription(): Promise<void> {
  if (!supported() || Notification.permission !== "granted") return;
  const sub = await (await registration())?.pushManager.getSubscription();
  if (sub) await send("POST", { ...sub.toJSON(), resync: true });
}

function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const base64 = (value + "=".repeat((4 - (value.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}
