import "server-only";
import { z } from "zod";
import { db, writeTx } from "@/lib/db";
import { sql, type SqlExec } from "@/lib/db/exec";
import { writeTransaction } from "@/lib/db/sql";
import { requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { NotFoundError, UserError } from "@/lib/errors";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { jobKind } from "@/lib/jobs/kind";
import { postMessage } from "@/lib/conversations/post";
import { appendEvent } from "@/lib/realtime/append";
import { translatorFor } from "@/lib/i18n/translator";
import { smsEligibility } from "@/lib/sms/eligibility";
import { requireSmsRoom } from "@/lib/sms/limits";
import { insertSmsCopy } from "@/lib/sms/deliveries";
import { requireInboxThread } from "./access";
import { waitsForReader } from "./batch-status";

// Following up a grouped message: each copy may ask its reader to confirm ("Tap to confirm
// you have read this"); staff remind those who have not read (or confirmed) in one click; and
// a batch may follow itself up, sending a reminder by SMS to the eligible ones still unread
// after N minutes. A reminder is a message in each of their threads ("Reminder: …"), written by
// the background queue, a hundred per transaction, each with its SMS row and job.

export type FollowUp = { askConfirm: boolean; followUpMinutes: number | null };

/** A stored follow-up (a scheduled grouped message's), or none. */
export function readFollowUp(value: unknown): FollowUp | null {
  const v = (typeof value === "string" ? JSON.parse(value) : value) as Partial<FollowUp> | null;
  if (!v || typeof v !== "object") return null;
  const minutes = typeof v.followUpMinutes === "number" ? v.followUpMinutes : null;
  return { askConfirm: v.askConfirm === true, followUpMinutes: minutes };
}

/** The teammate confirms they read a copy: once (a second tap, or a queued one sent again, changes nothing). */
export async function confirmMessage(
  user: SessionUser,
  input: { conversationId: string; messageId: string },
): Promise<{ confirmedAt: Date }> {
  const thread = await requireInboxThread(user, input.conversationId);
  if (thread.teammateId !== user.id) throw new NotFoundError("errors.notFound.message");
  return writeTx(async (_tx, ex) => {
    const now = new Date();
    const changed = await ex.run(sql`UPDATE "Message" SET "confirmedAt" = ${now}
      WHERE "id" = ${input.messageId} AND "conversationId" = ${thread.id} AND "confirmAsked" = ${true}
        AND "confirmedAt" IS NULL AND "deletedAt" IS NULL`);
    const row = await ex.get(
      sql`SELECT "confirmedAt" FROM "Message" WHERE "id" = ${input.messageId} AND "conversationId" = ${thread.id} AND "confirmAsked" = ${true}`,
      { confirmedAt: "date?" },
    );
    if (!row?.confirmedAt) throw new NotFoundError("errors.notFound.message");
    if (changed)
      await appendEvent(
        ex,
        "message.confirmed",
        { organizationId: thread.organizationId, audience: "MEMBERS", conversationId: thread.id },
        { conversationId: thread.id, messageId: input.messageId, confirmedAt: now.toISOString() },
        now,
      );
    return { confirmedAt: row.confirmedAt };
  });
}

/** Recipients whose copy waits for them: unread, or (asked to confirm) not confirmed. */
async function waiting(batchId: string, askConfirm: boolean) {
  const rows = await db.batchRecipient.findMany({
    where: { batchId },
    select: { teammateId: true, conversationId: true, sms: true },
  });
  const [copies, reads] = await Promise.all([
    db.message.findMany({
      where: { batchId },
      select: { conversationId: true, seq: true, confirmedAt: true, deletedAt: true },
    }),
    db.conversationMember.findMany({
      where: { conversationId: { in: rows.map((r) => r.conversationId) } },
      select: { conversationId: true, userId: true, lastReadSeq: true },
    }),
  ]);
  const copyOf = new Map(copies.map((c) => [c.conversationId, c]));
  const readOf = new Map(reads.map((r) => [`${r.conversationId}:${r.userId}`, r.lastReadSeq]));
  return rows.filter((r) => {
    const copy = copyOf.get(r.conversationId);
    if (!copy || copy.deletedAt) return false;
    const read = (readOf.get(`${r.conversationId}:${r.teammateId}`) ?? 0) >= copy.seq;
    return waitsForReader({ read, confirmed: Boolean(copy.confirmedAt) }, askConfirm);
  });
}

export const BATCH_REMIND = jobKind(
  "batch.remind",
  z.object({ batchId: z.string().min(1), n: z.number().int().min(1), sms: z.boolean(), byId: z.string().min(1) }),
  { maxAttempts: 20 },
);
// Tried again for over an hour (delays double up to 15 minutes: lib/jobs/queue.ts), longer than the
// SMS limits' hour, before it is given up.
export const BATCH_FOLLOW_UP = jobKind("batch.followUp", z.object({ batchId: z.string().min(1) }), { maxAttempts: 14 });

/** In the batch's creating transaction: its automatic SMS follow-up, due N minutes after it. */
export async function queueFollowUp(
  tx: SqlExec,
  batch: { id: string; organizationId: string; followUpMinutes: number | null },
  now: Date,
) {
  if (!batch.followUpMinutes) return;
  await enqueueIn(
    tx,
    BATCH_FOLLOW_UP,
    { batchId: batch.id },
    {
      key: `batch-follow-up:${batch.id}`,
      organizationId: batch.organizationId,
      runAt: new Date(now.getTime() + batch.followUpMinutes * 60_000),
    },
  );
}

/**
 * Starts a reminder of those `targets` (one click on the batch page, or the automatic
 * follow-up): marks them and queues the job that writes it, in one transaction. With `sms`,
 * the SMS limits are checked first, for the eligible ones.
 */
async function startReminder(
  batch: { id: string; organizationId: string },
  targets: { teammateId: string; phone: string | null }[],
  opts: { sms: boolean; byId: string; followUp?: Date },
): Promise<number> {
  return writeTx(async (tx, ex) => {
    if (opts.sms)
      await requireSmsRoom(
        ex,
        batch.organizationId,
        targets.flatMap((t) => (t.phone ? [t.phone] : [])),
      );
    const { reminders: n } = await tx.messageBatch.update({
      where: { id: batch.id },
      data: { reminders: { increment: 1 } },
      select: { reminders: true },
    });
    if (opts.followUp) await followedUp(ex, batch.id, opts.followUp, targets.length);
    await tx.batchRecipient.updateMany({
      where: { batchId: batch.id, teammateId: { in: targets.map((t) => t.teammateId) } },
      data: { remindPending: n },
    });
    await enqueueIn(
      ex,
      BATCH_REMIND,
      { batchId: batch.id, n, sms: opts.sms, byId: opts.byId },
      { key: `batch-remind:${batch.id}:${n}`, organizationId: batch.organizationId },
    );
    return targets.length;
  });
}

/** Eligible for an SMS now (number, consent, active): the people among `ids`. */
async function smsReady(ids: string[]) {
  const people = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, phone: true, disabledAt: true, profile: { select: { smsConsent: true } } },
  });
  return new Map(
    people.map((p) => [
      p.id,
      smsEligibility({ phone: p.phone, smsConsent: p.profile?.smsConsent ?? false, disabledAt: p.disabledAt }) ===
      "eligible"
        ? p.phone
        : null,
    ]),
  );
}

/** One click on the batch page: a reminder to each recipient who has not read (or confirmed) it; by SMS too where allowed. */
export async function remindBatch(
  user: SessionUser,
  input: { batchId: string; sms: boolean },
): Promise<{ count: number }> {
  requireMessaging(user);
  const batch = await db.messageBatch.findFirst({
    where: { id: input.batchId, organizationId: user.organizationId },
    select: { id: true, organizationId: true, askConfirm: true, postedAt: true },
  });
  if (!batch) throw new NotFoundError("errors.notFound.item");
  if (!batch.postedAt) throw new UserError("errors.grouped.stillSending");
  const targets = await waiting(batch.id, batch.askConfirm);
  if (targets.length === 0) throw new UserError("errors.grouped.nobodyToRemind");
  const phones = input.sms ? await smsReady(targets.map((t) => t.teammateId)) : new Map<string, string | null>();
  const count = await startReminder(
    batch,
    targets.map((t) => ({ teammateId: t.teammateId, phone: phones.get(t.teammateId) ?? null })),
    { sms: input.sms, byId: user.id },
  );
  return { count };
}

/** The job N minutes after the batch: a reminder by SMS to the eligible ones who still have not read it. */
export async function followUpBatch(batchId: string): Promise<void> {
  const batch = await db.messageBatch.findUnique({
    where: { id: batchId },
    select: { id: true, organizationId: true, authorId: true, askConfirm: true, postedAt: true, followedUpAt: true },
  });
  // Gone, or already followed up (a try whose end was not recorded, run again): nothing more to send.
  if (!batch || batch.followedUpAt) return;
  // Still writing its copies (a large batch): tried again later by the queue.
  if (!batch.postedAt) throw new Error(`batch ${batchId}: copies still being written`);
  const targets = await waiting(batch.id, batch.askConfirm);
  const phones = await smsReady(targets.map((t) => t.teammateId));
  const eligible = targets.flatMap((t) => {
    const phone = phones.get(t.teammateId);
    return phone ? [{ teammateId: t.teammateId, phone }] : [];
  });
  const now = new Date();
  try {
    if (eligible.length) await startReminder(batch, eligible, { sms: true, byId: batch.authorId, followUp: now });
    else await writeTx((_tx, ex) => followedUp(ex, batch.id, now, 0));
  } catch (error) {
    // What staff can act on (an SMS limit reached): said on the batch page, and tried again by the queue.
    if (error instanceof UserError) {
      const values: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(error.text.values ?? {})) if (typeof v !== "function") values[k] = v;
      await db.messageBatch.updateMany({
        where: { id: batch.id, followedUpAt: null },
        data: { followUpProblem: { key: error.text.key, values } },
      });
    }
    throw error;
  }
}

/** The automatic follow-up went (to `count` people, 0 when nobody eligible still waited). */
const followedUp = (ex: SqlExec, batchId: string, at: Date, count: number) =>
  ex.run(sql`UPDATE "MessageBatch" SET "followedUpAt" = ${at}, "followedUpCount" = ${count}, "followUpProblem" = NULL
    WHERE "id" = ${batchId}`);

/** The reminder job: writes "Reminder: …" in each marked thread (resumable, a hundred per transaction). */
export async function writeReminder(payload: z.infer<typeof BATCH_REMIND.schema>): Promise<void> {
  const batch = await db.messageBatch.findUnique({ where: { id: payload.batchId } });
  if (!batch) return;
  const author = await db.user.findUnique({
    where: { id: payload.byId },
    select: { id: true, firstName: true, lastName: true },
  });
  if (!author) throw new NotFoundError("errors.notFound.item");
  for (;;) {
    const todo = await db.batchRecipient.findMany({
      where: { batchId: batch.id, remindPending: payload.n },
      take: 100,
      orderBy: { teammateId: "asc" },
    });
    if (todo.length === 0) return;
    const people = await db.user.findMany({
      where: { id: { in: todo.map((r) => r.teammateId) } },
      select: { id: true, phone: true, locale: true, disabledAt: true, profile: { select: { smsConsent: true } } },
    });
    const byId = new Map(people.map((p) => [p.id, p]));
    await writeTransaction(async (tx) => {
      const now = new Date();
      for (const r of todo) {
        const person = byId.get(r.teammateId);
        const body = translatorFor(person?.locale ?? "en")("grouped.reminderBody", { body: batch.body });
        const posted = await postMessage(tx, {
          organizationId: batch.organizationId,
          conversationId: r.conversationId,
          author: { id: author.id, name: `${author.firstName} ${author.lastName}`, staff: true },
          kind: "TEXT",
          body,
          clientId: `${batch.clientId}:remind${payload.n}:${r.teammateId}`,
          urgent: batch.urgent,
          notify: true,
          where: { kind: "INBOX", teammateId: r.teammateId },
        });
        await tx.run(sql`UPDATE "BatchRecipient" SET "remindPending" = NULL, "reminded" = ${payload.n}, "remindedAt" = ${now}
          WHERE "batchId" = ${batch.id} AND "teammateId" = ${r.teammateId}`);
        const eligible =
          person &&
          smsEligibility({
            phone: person.phone,
            smsConsent: person.profile?.smsConsent ?? false,
            disabledAt: person.disabledAt,
          }) === "eligible";
        if (!posted || !payload.sms || !eligible || !person.phone) continue;
        await insertSmsCopy(tx, {
          organizationId: batch.organizationId,
          messageId: posted.id,
          recipientId: r.teammateId,
          phone: person.phone,
          locale: person.locale,
          body,
        });
      }
    });
  }
}
