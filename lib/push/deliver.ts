import "server-only";
import webpush from "web-push";
import { db } from "@/lib/db";
import { isAllowedEndpoint } from "./endpoint";
import { vapidKeys } from "./vapid";

export type PushPayload = {
  title: string;
  body: string;
  /** Opened on a tap. */
  url: string;
  /** One notification per conversation: a newer one replaces it. */
  tag: string;
  /** The unread count for the app badge. */
  badge: number;
  urgent?: boolean;
};

export type Device = { id: string; endpoint: string; p256dh: string; auth: string };
export type Outcome = "sent" | "gone" | "failed";

const TIMEOUT_MS = 10_000;

/**
 * Encrypts the payload for one device (web-push: aes128gcm, VAPID) and posts it. A push
 * service that says the subscription is gone (404, 410) gets it removed: the device
 * unsubscribed or the app was uninstalled. Other failures are the caller's to retry.
 */
export async function pushTo(device: Device, payload: PushPayload): Promise<Outcome> {
  const keys = vapidKeys();
  if (!keys || !isAllowedEndpoint(device.endpoint)) return "failed";
  const request = webpush.generateRequestDetails({ endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } }, JSON.stringify(payload), {
    vapidDetails: keys,
    TTL: 24 * 3600,
    urgency: payload.urgent ? "high" : "normal",
    topic: topicOf(payload.tag),
  });
  let status: number;
  try {
    // web-push's own sender speaks https only; fetch posts the same request (and lets a test's endpoint be plain http).
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: new Uint8Array(request.body as Buffer),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
    status = response.status;
    await response.body?.cancel();
  } catch {
    return "failed";
  }
  if (status === 404 || status === 410) {
    await db.pushSubscription.deleteMany({ where: { id: device.id } });
    return "gone";
  }
  if (status < 200 || status >= 300) return "failed";
  await db.pushSubscription.updateMany({ where: { id: device.id }, data: { lastPushAt: new Date() } });
  return "sent";
}

// A Topic header is at most 32 URL-safe characters: a newer push of the same topic replaces one still waiting.
function topicOf(tag: string): string {
  return tag.replace(/[^A-Za-z0-9_-]/g, "").slice(-32) || "shiftline";
}
