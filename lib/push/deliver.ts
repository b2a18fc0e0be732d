import "server-only";
import webpush from "web-push";
import type { z } from "zod";
import { db } from "@/lib/db";
import { sql, writeTransaction } from "@/lib/db/sql";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { PUSH_DEVICE, type pushPayloadSchema } from "./enqueue";
import { isAllowedEndpoint } from "./endpoint";
import { vapidKeys } from "./vapid";
import { metrics } from "@/lib/metrics";

/** title, body; `url` opened on a tap; `tag`: one notification per conversation (a newer one replaces it); `badge`: the unread count. */
export type PushPayload = z.infer<typeof pushPayloadSchema>;

export type Device = { id: string; endpoint: string; p256dh: string; auth: string };
/** "failed": it did not reach the push service (worth a retry); "unknown": it may have (never sent again). */
export type Outcome = "sent" | "gone" | "failed" | "unknown";

// Errors that say the request never left: no connection was made.
const NEVER_LEFT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

const TIMEOUT_MS = 10_000;

/**
 * Encrypts the payload for one device (web-push: aes128gcm, VAPID) and posts it. A push
 * service that says the subscription is gone (404, 410) gets it removed: the device
 * unsubscribed or the app was uninstalled. Other failures are the caller's to retry.
 */
export async function pushTo(device: Device, payload: PushPayload): Promise<Outcome> {
  const keys = vapidKeys();
  if (!keys || !isAllowedEndpoint(device.endpoint)) return "failed";
  const request = webpush.generateRequestDetails(
    { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
    JSON.stringify(payload),
    {
      vapidDetails: keys,
      TTL: 24 * 3600,
      urgency: payload.urgent ? "high" : "normal",
      topic: topicOf(payload.tag),
    },
  );
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
  } catch (error) {
    return NEVER_LEFT.has(String((error as { cause?: { code?: string } }).cause?.code)) ? "failed" : "unknown";
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

/**
 * Takes (job, device) for this try, before the push is posted: false when an earlier try
 * (of this job, or a second worker's) sent it or may have. A push that surely failed may go again.
 */
export async function takeDelivery(jobId: string, subscriptionId: string): Promise<boolean> {
  const taken = await writeTransaction((tx) =>
    tx.run(sql`INSERT INTO "PushDelivery" ("jobId", "subscriptionId", "status", "createdAt") VALUES (${jobId}, ${subscriptionId}, 'SENDING', ${new Date()})
      ON CONFLICT ("jobId", "subscriptionId") DO UPDATE SET "status" = 'SENDING' WHERE "PushDelivery"."status" = 'FAILED'`),
  );
  return taken === 1;
}

/** What became of a taken push; a surely failed one gets its own retry job, in the same transaction. */
export async function recordDelivery(
  jobId: string,
  device: Device,
  outcome: Outcome,
  retry?: PushPayload,
): Promise<void> {
  metrics.pushes.inc({ outcome });
  await writeTransaction(async (tx) => {
    await tx.run(
      sql`UPDATE "PushDelivery" SET "status" = ${outcome.toUpperCase()} WHERE "jobId" = ${jobId} AND "subscriptionId" = ${device.id}`,
    );
    if (outcome !== "failed" || !retry) return;
    const owner = await tx.get(sql`SELECT "organizationId" FROM "PushSubscription" WHERE "id" = ${device.id}`, {
      organizationId: "text",
    });
    if (owner)
      await enqueueIn(
        tx,
        PUSH_DEVICE,
        { subscriptionId: device.id, payload: retry },
        { runAt: new Date(Date.now() + RETRY_AFTER_MS), organizationId: owner.organizationId },
      );
  });
}

const RETRY_AFTER_MS = 30_000;

/** Forgets who was pushed what after a week (a job is never claimed again that late). */
export async function prunePushDeliveries(now = new Date()): Promise<number> {
  return writeTransaction((tx) =>
    tx.run(sql`DELETE FROM "PushDelivery" WHERE "createdAt" < ${new Date(now.getTime() - 7 * 24 * 3600_000)}`),
  );
}
