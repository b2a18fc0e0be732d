import "server-only";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs/queue";
import { sendWithTwilio, twilioConfigured } from "./twilio";
import { sql, type SqlExec } from "@/lib/db/exec";
import { newId } from "@/lib/db/ids";
import { translatorFor } from "@/lib/i18n/translator";
import { appUrl } from "@/lib/app-url";
import { smsText } from "./segments";

// SMS copies: an SmsDelivery row per (message, recipient), sent by the background queue
// (retries with backoff, across restarts), through Twilio when configured or into the
// SMS outbox otherwise. A row that has left (providerId set, or kept in the outbox) is
// never sent again: a retried job or a second click sends no second SMS.

export type SmsJob = { deliveryId: string };

/**
 * An SMS copy of a message, written in the caller's transaction: the text cut to fit,
 * then a link to reply in Shiftline, in the recipient's language. Returns its id, for
 * enqueueSms once the transaction has committed.
 */
export async function insertSmsCopy(
  tx: SqlExec,
  c: { organizationId: string; messageId: string; recipientId: string; phone: string; locale: string; body: string },
): Promise<string> {
  const id = newId();
  const now = new Date();
  const reply = translatorFor(c.locale)("sms.replyIn", { link: `${appUrl()}/me/messages` });
  await tx.run(sql`INSERT INTO "SmsDelivery" ("id", "organizationId", "messageId", "recipientId", "toPhone", "body", "status", "provider", "createdAt", "updatedAt")
    VALUES (${id}, ${c.organizationId}, ${c.messageId}, ${c.recipientId}, ${c.phone}, ${smsText(c.body, reply)}, 'QUEUED', 'outbox', ${now}, ${now})`);
  return id;
}

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
