import "server-only";
import { Resend } from "resend";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs/queue";

// Every e-mail Shiftline writes goes into EmailOutbox, then leaves through the
// background queue: through Resend when RESEND_API_KEY is set (its SDK reads
// RESEND_BASE_URL, which tests point at a local stand-in), otherwise it stays in
// the outbox, where a developer reads it in the app (/outbox). Never inside a request.

export type NewEmail = { organizationId: string | null; to: string; subject: string; text: string };

export async function queueEmail(email: NewEmail): Promise<string> {
  const row = await db.emailOutbox.create({
    data: { organizationId: email.organizationId, toEmail: email.to, subject: email.subject, text: email.text, provider: provider() },
    select: { id: true },
  });
  await enqueue("email.send", { id: row.id }, { maxAttempts: 8 });
  return row.id;
}

const provider = () => (process.env.RESEND_API_KEY ? "resend" : "outbox");

/** The job: one e-mail out. A refusal by Resend is thrown, so the queue tries again later. */
export async function deliverEmail(id: string, lastAttempt: boolean): Promise<void> {
  const email = await db.emailOutbox.findUnique({ where: { id } });
  if (!email || email.status !== "QUEUED") return;
  if (email.provider !== "resend" || !process.env.RESEND_API_KEY) {
    await db.emailOutbox.update({ where: { id }, data: { status: "SENT", provider: "outbox", sentAt: new Date() } });
    return;
  }
  const resend = new Resend(process.env.RESEND_API_KEY);
  const { data, error } = await resend.emails.send(
    { from: process.env.EMAIL_FROM || "Shiftline <no-reply@shiftline.local>", to: email.toEmail, subject: email.subject, text: email.text },
    { idempotencyKey: `shiftline-${email.id}` },
  );
  if (error || !data) {
    const reason = error?.message ?? "no answer";
    if (lastAttempt) await db.emailOutbox.update({ where: { id }, data: { status: "FAILED", error: reason.slice(0, 500) } });
    throw new Error(`Resend refused e-mail ${id}: ${reason}`);
  }
  await db.emailOutbox.update({ where: { id }, data: { status: "SENT", providerId: data.id, sentAt: new Date() } });
}
