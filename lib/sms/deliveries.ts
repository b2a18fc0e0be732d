import "server-only";
import { db } from "@/lib/db";
import { z } from "zod";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { jobKind } from "@/lib/jobs/kind";
import { sendWithTwilio, twilioConfigured } from "./twilio";
import { sql, type SqlExec } from "@/lib/db/exec";
import { newId } from "@/lib/db/ids";
import { translatorFor } from "@/lib/i18n/translator";
import { appUrl } from "@/lib/config";
import { smsText } from "./segments";
import { smsSenderOf } from "./sender";
import { metrics } from "@/lib/metrics";

// SMS copies: an SmsDelivery row per (message, recipient) and its job, written in the
// message's transaction, sent by the background queue (retries with backoff, across
// restarts), through Twilio when configured or into the SMS outbox otherwise. At most one
// SMS per row: a row that has left (providerId set, or kept in the outbox) is never sent
// again, and one whose sending was interrupted mid-call is marked failed, not sent twice.

/** What ends every SMS copy: a link to reply in Shiftline, in the recipient's language. */
const replyLine = (locale: string) => translatorFor(locale)("sms.replyIn", { link: `${appUrl()}/me/messages` });

export const SMS_SEND = jobKind("sms.send", z.object({ deliveryId: z.string().min(1) }), { maxAttempts: 6 });

/**
 * An SMS copy of a message, written in the caller's transaction with the job that sends it:
 * the text cut to fit, then a link to reply in Shiftline, in the recipient's language.
 */
export async function insertSmsCopy(
  tx: SqlExec,
  c: { organizationId: string; messageId: string; recipientId: string; phone: string; locale: string; body: string },
): Promise<string> {
  const id = newId();
  const now = new Date();
  await tx.run(sql`INSERT INTO "SmsDelivery" ("id", "organizationId", "messageId", "recipientId", "toPhone", "body", "status", "provider", "createdAt", "updatedAt")
    VALUES (${id}, ${c.organizationId}, ${c.messageId}, ${c.recipientId}, ${c.phone}, ${smsText(c.body, replyLine(c.locale))}, 'QUEUED', 'outbox', ${now}, ${now})`);
  await enqueueIn(tx, SMS_SEND, { deliveryId: id }, { key: `sms:${id}`, organizationId: c.organizationId });
  return id;
}

/**
 * Its message was edited or deleted (lib/dispatch): copies that have not left yet carry the new words,
 * or are not sent at all. One already handed over is not recalled (the thread's menu says so).
 */
export async function reviseQueuedSms(tx: SqlExec, messageId: string, body: string | null): Promise<void> {
  const waiting = sql`"messageId" = ${messageId} AND "status" = 'QUEUED' AND "providerId" IS NULL AND "sendingAt" IS NULL`;
  if (body === null) {
    await tx.run(
      sql`UPDATE "SmsDelivery" SET "status" = 'FAILED', "error" = ${DELETED_BEFORE}, "updatedAt" = ${new Date()} WHERE ${waiting}`,
    );
    return;
  }
  const rows = await tx.all(
    sql`SELECT d."id", (SELECT u."locale" FROM "User" u WHERE u."id" = d."recipientId") AS "locale" FROM "SmsDelivery" d WHERE ${waiting}`,
    { id: "text", locale: "text?" },
  );
  for (const r of rows) {
    await tx.run(
      sql`UPDATE "SmsDelivery" SET "body" = ${smsText(body, replyLine(r.locale ?? "en"))}, "updatedAt" = ${new Date()} WHERE "id" = ${r.id}`,
    );
  }
}

const DELETED_BEFORE = "Not sent: its message was deleted before the SMS left.";

/** Twilio answered (with a refusal): the SMS did not leave, so another try may send it. */
const twilioAnswered = (error: unknown) => typeof (error as { status?: unknown } | null)?.status === "number";

export async function deliverSms(deliveryId: string): Promise<void> {
  const sms = await db.smsDelivery.findUnique({ where: { id: deliveryId } });
  if (!sms || sms.status !== "QUEUED" || sms.providerId) return;
  if (!twilioConfigured()) {
    await db.smsDelivery.updateMany({
      where: { id: deliveryId, status: "QUEUED", providerId: null },
      data: { status: "SENT", provider: "outbox" },
    });
    metrics.sms.inc({ outcome: "outbox" });
    return;
  }
  // Taken before the call, by one try only: a second worker, or a try after a crash mid-call, stops here.
  const taken = await db.smsDelivery.updateMany({
    where: { id: deliveryId, status: "QUEUED", providerId: null, sendingAt: null },
    data: { sendingAt: new Date() },
  });
  if (taken.count === 0) {
    await db.smsDelivery.updateMany({
      where: { id: deliveryId, status: "QUEUED", providerId: null },
      data: { provider: "twilio", status: "FAILED", error: INTERRUPTED },
    });
    metrics.sms.inc({ outcome: "interrupted" });
    return;
  }
  try {
    const sent = await sendWithTwilio(sms.toPhone, sms.body, await smsSenderOf(sms.organizationId));
    await db.smsDelivery.update({
      where: { id: deliveryId },
      data: { provider: "twilio", providerId: sent.sid, status: statusOf(sent.status) ?? "QUEUED" },
    });
    metrics.sms.inc({ outcome: "sent" });
  } catch (error) {
    const reason = (error as Error).message.slice(0, 500);
    // Without an answer from Twilio, the SMS may have left: it is not sent again.
    if (!twilioAnswered(error)) {
      await db.smsDelivery.update({
        where: { id: deliveryId },
        data: { provider: "twilio", status: "FAILED", error: `${INTERRUPTED} ${reason}`.slice(0, 500) },
      });
      metrics.sms.inc({ outcome: "interrupted" });
      return;
    }
    await db.smsDelivery.update({
      where: { id: deliveryId },
      data: { provider: "twilio", error: reason, sendingAt: null },
    });
    metrics.sms.inc({ outcome: "refused" });
    throw error;
  }
}

const INTERRUPTED = "Sending was interrupted before Twilio answered: not sent again, so that it is never sent twice.";

/** The job given up: its SMS did not leave. */
export async function giveUpSms(tx: SqlExec, deliveryId: string, error: string): Promise<void> {
  await tx.run(sql`UPDATE "SmsDelivery" SET "status" = 'FAILED', "error" = ${error.slice(0, 500)}, "updatedAt" = ${new Date()}
    WHERE "id" = ${deliveryId} AND "status" = 'QUEUED' AND "providerId" IS NULL`);
}

/**
 * An admin retries it: queued again. One interrupted before Twilio answered may then reach
 * its reader twice; the System page says so beside it.
 */
export async function reopenSms(tx: SqlExec, deliveryId: string): Promise<boolean> {
  const changed =
    await tx.run(sql`UPDATE "SmsDelivery" SET "status" = 'QUEUED', "error" = NULL, "sendingAt" = NULL, "updatedAt" = ${new Date()}
    WHERE "id" = ${deliveryId} AND "status" = 'FAILED' AND "providerId" IS NULL`);
  return changed === 1;
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

function statusOf(twilioStatus: string | undefined): (typeof STATUSES)[keyof typeof STATUSES] | undefined {
  return twilioStatus ? STATUSES[twilioStatus as keyof typeof STATUSES] : undefined;
}

const RANK = { QUEUED: 0, SENT: 1, DELIVERED: 2, FAILED: 2, UNDELIVERED: 2 } as const;

/** Twilio's status callback: the state moves forward only (callbacks can arrive out of order). */
export async function recordSmsStatus(sid: string, twilioStatus: string, errorCode?: string): Promise<boolean> {
  const next = statusOf(twilioStatus);
  const sms = await db.smsDelivery.findFirst({ where: { providerId: sid }, select: { id: true, status: true } });
  if (!sms || !next) return false;
  if (RANK[next] < RANK[sms.status]) return true;
  await db.smsDelivery.update({
    where: { id: sms.id },
    data: { status: next, ...(errorCode ? { error: `Twilio error ${errorCode}` } : {}) },
  });
  return true;
}
