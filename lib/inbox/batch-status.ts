import "server-only";
import { db } from "@/lib/db";
import { requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { inChunks } from "@/lib/db/chunks";
import { z } from "zod";

export type BatchRecipientStatus = {
  teammateId: string;
  name: string;
  conversationId: string;
  inApp: "pending" | "delivered" | "read" | "gone";
  /** "none": no SMS copy asked; noNumber, noConsent, inactive: why none; else the SMS's state. */
  sms: string;
  smsError: string | null;
  /** When they confirmed (null: not yet); undefined when the message did not ask. */
  confirmedAt?: Date | null;
  /** The last reminder they were sent. */
  remindedAt: Date | null;
};

/**
 * Whom a reminder is for (the batch page's count, the one click, the automatic follow-up): a
 * copy not confirmed, and unread, or read when confirmation was asked. Confirming is reading it
 * (a tap sent from offline may reach Shiftline before the read position does).
 */
export const waitsForReader = (copy: { read: boolean; confirmed: boolean }, askConfirm: boolean) =>
  !copy.confirmed && (!copy.read || askConfirm);

/** A grouped message as its batch page shows it: each recipient's copy, read or not, and its SMS. */
export async function batchStatus(user: SessionUser, batchId: string) {
  requireMessaging(user);
  const batch = await db.messageBatch.findFirst({ where: { id: batchId, organizationId: user.organizationId } });
  if (!batch) throw new NotFoundError("errors.notFound.item");
  const recipients = await db.batchRecipient.findMany({ where: { batchId } });
  const ids = recipients.map((r) => r.teammateId);
  const [people, messages, reads, sms] = await Promise.all([
    inChunks(ids, (slice) =>
      db.user.findMany({
        where: { id: { in: slice }, organizationId: user.organizationId },
        select: { id: true, firstName: true, lastName: true },
      }),
    ),
    db.message.findMany({
      where: { batchId },
      select: { id: true, conversationId: true, seq: true, confirmedAt: true },
    }),
    inChunks(
      recipients.map((r) => r.conversationId),
      (slice) =>
        db.conversationMember.findMany({
          where: { conversationId: { in: slice } },
          select: { conversationId: true, userId: true, lastReadSeq: true },
        }),
    ),
    db.smsDelivery.findMany({
      where: { message: { batchId } },
      select: { recipientId: true, status: true, error: true },
    }),
  ]);
  const name = new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  const seqOf = new Map(messages.map((m) => [m.conversationId, m.seq]));
  const confirmedOf = new Map(messages.map((m) => [m.conversationId, m.confirmedAt]));
  // The teammate's own read position in their thread (its other members, if any, do not count).
  const teammateOf = new Map(recipients.map((r) => [r.conversationId, r.teammateId]));
  const readOf = new Map(
    reads.filter((r) => teammateOf.get(r.conversationId) === r.userId).map((r) => [r.conversationId, r.lastReadSeq]),
  );
  const smsOf = new Map(sms.map((s) => [s.recipientId, s]));
  const rows: BatchRecipientStatus[] = recipients
    .map((r) => {
      const seq = seqOf.get(r.conversationId);
      const inApp =
        r.messageId === "gone"
          ? "gone"
          : seq === undefined
            ? "pending"
            : (readOf.get(r.conversationId) ?? 0) >= seq || confirmedOf.get(r.conversationId)
              ? "read" // confirming is reading it
              : "delivered";
      const delivery = smsOf.get(r.teammateId);
      return {
        teammateId: r.teammateId,
        name: name.get(r.teammateId) ?? "",
        conversationId: r.conversationId,
        inApp,
        sms: delivery ? delivery.status : r.sms === "eligible" ? "QUEUED" : r.sms,
        smsError: delivery?.error ?? null,
        ...(batch.askConfirm ? { confirmedAt: confirmedOf.get(r.conversationId) ?? null } : {}),
        remindedAt: r.remindedAt,
      } as BatchRecipientStatus;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const count = (f: (r: BatchRecipientStatus) => boolean) => rows.filter(f).length;
  return {
    batch,
    rows,
    totals: {
      recipients: rows.length,
      stored: count((r) => r.inApp === "delivered" || r.inApp === "read"),
      read: count((r) => r.inApp === "read"),
      confirmed: count((r) => Boolean(r.confirmedAt)),
      waiting: count(
        (r) =>
          (r.inApp === "delivered" || r.inApp === "read") &&
          waitsForReader({ read: r.inApp === "read", confirmed: Boolean(r.confirmedAt) }, batch.askConfirm),
      ),
      sms: batch.smsCount,
      smsDelivered: count((r) => r.sms === "DELIVERED"),
      smsFailed: count((r) => r.sms === "FAILED" || r.sms === "UNDELIVERED"),
    },
  };
}

const FOLLOW_UP_PROBLEM = z.object({
  key: z.string().min(1),
  values: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});

type FollowUpProblem = z.infer<typeof FOLLOW_UP_PROBLEM>;

/** Why the automatic follow-up could not go yet, as stored (a catalogue key and its values), or null. */
function readFollowUpProblem(value: unknown): FollowUpProblem | null {
  const parsed = FOLLOW_UP_PROBLEM.safeParse(typeof value === "string" ? JSON.parse(value) : value);
  return parsed.success ? parsed.data : null;
}

/** Where a batch's automatic SMS follow-up stands, for its page (null: it has none). */
export type FollowUpState =
  | { state: "planned" | "due"; at: Date }
  | { state: "sent"; at: Date; count: number }
  | { state: "problem"; problem: FollowUpProblem; retrying: boolean };

export async function followUpState(
  batch: {
    id: string;
    createdAt: Date;
    followUpMinutes: number | null;
    followedUpAt: Date | null;
    followedUpCount: number | null;
    followUpProblem: unknown;
  },
  now = new Date(),
): Promise<FollowUpState | null> {
  if (!batch.followUpMinutes) return null;
  if (batch.followedUpAt) return { state: "sent", at: batch.followedUpAt, count: batch.followedUpCount ?? 0 };
  const problem = readFollowUpProblem(batch.followUpProblem);
  if (problem) {
    // Still queued: tried again (lib/inbox/follow-up.ts, BATCH_FOLLOW_UP); ended or gone: given up.
    const job = await db.job.findUnique({ where: { key: `batch-follow-up:${batch.id}` }, select: { doneAt: true } });
    return { state: "problem", problem, retrying: Boolean(job && !job.doneAt) };
  }
  const at = new Date(batch.createdAt.getTime() + batch.followUpMinutes * 60_000);
  return { state: at > now ? "planned" : "due", at };
}
