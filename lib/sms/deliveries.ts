import "server-only";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs/queue";
import { sendWithTwilio, twilioConfigured } from "./twilio";

// SMS copies: an SmsDelivery row per (message, recipient), sent by the background queue
// (retries with backoff, across restarts), through Twilio when configured or into the
// SMS outbox otherwise. A row that has left (providerId set, or kept in the outbox) is
// never sent again: a retried job or a second click sends no second SMS.

export type SmsJob = { deliveryId: string };

export async function enqueueSms(deliveryIds: string[]): Promise<void> {
  for (const id of deliveryIds) await enqueue("sms.send", { deliveryId: id }, { key: `sms:${id}`, maxAttempts: 6 });
}

export async function deliverSms(deliveryId: string, lastAttempt: boolean): Promise<void> {
  const sms = await db.smsDelivery.findUnique({ where: { id: deliveryId } });
  if (!sms || sms.status !== "QUEUED" || sms.providerId) return;
  if (!twilioConfigured()) {
    await db.smsDelivery.update({ where: { id: deliveryId }, data: { status: "SENT", provider: "outbox" } });
    return;
  }
  try {
    const sent = await sendWithTwilio(sms.toPhone, sms.body);
    await db.smsDelivery.update({ where: { id: deliveryId }, data: { provider: "twilio", providerId: sent.sid, status: statusOf(sent.status) ?? "QUEUED" } });
  } catch (error) {
    const reason = (error as Error).message.slice(0, 500);
    await db.smsDelivery.update({ where: { id: deliveryId }, data: { provider: "twilio", error: reason, ...(lastAttempt ? { status: "FAILED" } : {}) } });
    throw error;
  }
}

const STATUSES = {
  queued: "QUEUED",
  accepted: "QUEUED",
  scheduled: "QUEUED",
  sending: "SENT",
  sent: "SENT",
  delivered: "DELIVERED",
  failed: "FAILED",
  undelivered: "UNDELIVERED",
} as const;

export function statusOf(twilioStatus: string | undefined): (typeof STATUSES)[keyof typeof STATUSES] | undefined {
  return twilioStatus ? STATUSES[twilioStatus as keyof typeof STATUSES] : undefined;
}

const RANK = { QUEUED: 0, SENT: 1, DELIVERED: 2, FAILED: 2, UNDELIVERED: 2 } as const;

/** Twilio's status callback: the state moves forward only (callbacks can arrive out of order). */
export async function recordSmsStatus(sid: string, twilioStatus: string, errorCode?: string): Promise<boolean> {
  const next = statusOf(twilioStatus);
  const sms = await db.smsDelivery.findFirst({ where: { providerId: sid }, select: { id: true, status: true } });
  if (!sms || !next) return false;
  if (RANK[next] < RANK[sms.status]) return true;
  await db.smsDelivery.update({ where: { id: sms.id }, data: { status: next, ...(errorCode ? { error: `Twilio error ${errorCode}` } : {}) } });
  return true;
}
