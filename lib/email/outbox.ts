import "server-only";
import { Resend } from "resend";
import { db } from "@/lib/db";
import { z } from "zod";
import { sql, type SqlExec } from "@/lib/db/exec";
import { newId } from "@/lib/db/ids";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { jobKind } from "@/lib/jobs/kind";
import { config } from "@/lib/config";
import { authSecret } from "@/lib/auth/secret";
import { LINK_MARK, openSecret, sealSecret, withLink } from "./secrets";
import { metrics } from "@/lib/metrics";

// Every e-mail Shiftline writes goes into EmailOutbox with its job, in the transaction of
// what it is about (a password link, a finished export), then leaves through the background
// queue: through Resend when RESEND_API_KEY is set (its SDK reads RESEND_BASE_URL, which
// tests point at a local stand-in), otherwise it stays in the outbox, where a developer
// reads it in the app (/outbox). Never inside a request.

/** `link`: a link only the recipient may see (to set a password); `text` carries LINK_MARK where it goes. */
export type NewEmail = { organizationId: string | null; to: string; subject: string; text: string; link?: string };

export const EMAIL_SEND = jobKind("email.send", z.object({ id: z.string().min(1) }), { maxAttempts: 8 });

/** Writes the e-mail and the job that sends it in the caller's transaction. Returns its id. */
export async function queueEmailIn(tx: SqlExec, email: NewEmail): Promise<string> {
  const id = newId();
  if (email.link && !email.text.includes(LINK_MARK))
    throw new Error("An e-mail with a secret link must mark where it goes");
  const secret = email.link ? sealSecret(email.link, authSecret()) : null;
  await tx.run(sql`INSERT INTO "EmailOutbox" ("id", "organizationId", "toEmail", "subject", "text", "secret", "provider", "createdAt")
    VALUES (${id}, ${email.organizationId}, ${email.to}, ${email.subject}, ${email.text}, ${secret}, ${provider()}, ${new Date()})`);
  await enqueueIn(tx, EMAIL_SEND, { id }, { organizationId: email.organizationId });
  return id;
}

const provider = () => (config().RESEND_API_KEY ? "resend" : "outbox");

/** The job: one e-mail out. A refusal by Resend is thrown, so the queue tries again later. */
export async function deliverEmail(id: string): Promise<void> {
  const email = await db.emailOutbox.findUnique({ where: { id } });
  if (!email || email.status !== "QUEUED") return;
  const { RESEND_API_KEY: key, EMAIL_FROM: from } = config();
  if (email.provider !== "resend" || !key) {
    await db.emailOutbox.update({ where: { id }, data: { status: "SENT", provider: "outbox", sentAt: new Date() } });
    metrics.emails.inc({ outcome: "outbox" });
    return;
  }
  const resend = new Resend(key);
  const link = email.secret ? openSecret(email.secret, authSecret()) : null;
  if (email.secret && link === null) throw new Error(`E-mail ${id}: its link was sealed with another secret`);
  // Resend keeps the key for a day: a try after a crash mid-call sends nothing twice.
  const { data, error } = await resend.emails.send(
    {
      from: from || "Shiftline <no-reply@shiftline.local>",
      to: email.toEmail,
      subject: email.subject,
      text: link ? withLink(email.text, link) : email.text,
    },
    { idempotencyKey: `shiftline-${email.id}` },
  );
  if (error || !data) {
    const reason = error?.message ?? "no answer";
    await db.emailOutbox.update({ where: { id }, data: { error: reason.slice(0, 500) } });
    metrics.emails.inc({ outcome: "refused" });
    throw new Error(`Resend refused e-mail ${id}: ${reason}`);
  }
  // Sent: the link is the recipient's alone now, and leaves the database.
  await db.emailOutbox.update({
    where: { id },
    data: { status: "SENT", providerId: data.id, sentAt: new Date(), secret: null },
  });
  metrics.emails.inc({ outcome: "sent" });
}

/** The job given up: the e-mail did not leave. */
export async function giveUpEmail(tx: SqlExec, id: string, error: string): Promise<void> {
  await tx.run(
    sql`UPDATE "EmailOutbox" SET "status" = 'FAILED', "error" = ${error.slice(0, 500)}, "secret" = NULL WHERE "id" = ${id} AND "status" = 'QUEUED'`,
  );
}

/**
 * An admin retries it: queued again, unless its link is gone (given up, a sealed link is
 * deleted): such an e-mail would arrive without the link it is for, so it is not sent again.
 */
export async function reopenEmail(tx: SqlExec, id: string): Promise<boolean> {
  const changed = await tx.run(sql`UPDATE "EmailOutbox" SET "status" = 'QUEUED', "error" = NULL
    WHERE "id" = ${id} AND "status" = 'FAILED' AND ("secret" IS NOT NULL OR "text" NOT LIKE ${`%${LINK_MARK}%`})`);
  return changed === 1;
}

/** Links kept for the development outbox go once no link could still work (a week). */
export async function forgetOldEmailLinks(now = new Date()): Promise<number> {
  const { count } = await db.emailOutbox.updateMany({
    where: { secret: { not: null }, createdAt: { lt: new Date(now.getTime() - 7 * 24 * 3600_000) } },
    data: { secret: null },
  });
  return count;
}
