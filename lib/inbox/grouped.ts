import "server-only";
import { z } from "zod";
import { db, writeTx } from "@/lib/db";
import { isUniqueViolation, writeTransaction } from "@/lib/db/sql";
import { sql } from "@/lib/db/exec";
import { newId } from "@/lib/db/ids";
import { inChunks } from "@/lib/db/chunks";
import { requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { NotFoundError, UserError } from "@/lib/errors";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { jobKind } from "@/lib/jobs/kind";
import { postMessage } from "@/lib/conversations/post";
import { smsEligibility, type SmsReason } from "@/lib/sms/eligibility";
import { requireSmsRoom } from "@/lib/sms/limits";
import { insertSmsCopy } from "@/lib/sms/deliveries";
import { teammateIdsMatching } from "./contacts";
import type { ContactFilters } from "./schemas";
import { queueFollowUp, type FollowUp } from "./follow-up";

// A grouped message: one text, a copy in each recipient's own inbox thread, all tied to
// one batch, with an SMS copy for those who can get one. The request stores the batch
// and its recipients with the job; the job writes the copies through postMessage (the one
// way to add a message) a hundred per transaction, each with its SMS row and SMS job.

export type Recipients = { teammateIds: string[] } | { filters: Partial<ContactFilters> };
export type Plan = {
  recipients: { teammateId: string; name: string; conversationId: string; phone: string | null; sms: SmsReason }[];
  inApp: number;
  bySms: number;
  withoutSms: number;
};

const MAX_RECIPIENTS = 5000;
const CHUNK = 100;

export async function planGroupedMessage(user: SessionUser, who: Recipients): Promise<Plan> {
  requireMessaging(user);
  const ids = "teammateIds" in who ? [...new Set(who.teammateIds)] : await teammateIdsMatching(user, who.filters);
  if (ids.length > MAX_RECIPIENTS) throw new UserError("errors.grouped.tooMany", { max: MAX_RECIPIENTS });
  const rows = await inChunks(ids, (slice) =>
    db.conversation.findMany({
      where: { organizationId: user.organizationId, kind: "INBOX", deletedAt: null, teammateId: { in: slice } },
      select: {
        id: true,
        teammate: {
          select: {
            id: true,
            firstName: true,
            lastName: true,
            phone: true,
            disabledAt: true,
            profile: { select: { smsConsent: true } },
          },
        },
      },
    }),
  );
  const recipients = rows
    .map((c) => ({
      teammateId: c.teammate!.id,
      name: `${c.teammate!.firstName} ${c.teammate!.lastName}`,
      conversationId: c.id,
      phone: c.teammate!.phone,
      sms: smsEligibility({
        phone: c.teammate!.phone,
        smsConsent: c.teammate!.profile?.smsConsent ?? false,
        disabledAt: c.teammate!.disabledAt,
      }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const bySms = recipients.filter((r) => r.sms === "eligible").length;
  return { recipients, inApp: recipients.length, bySms, withoutSms: recipients.length - bySms };
}

export async function sendGroupedMessage(
  user: SessionUser,
  input: {
    who: Recipients;
    body: string;
    clientId: string;
    smsCopy: boolean;
    urgent?: boolean;
    attachmentIds?: string[];
    /** Confirmation asked of each reader, and the automatic SMS follow-up (lib/inbox/follow-up.ts). */
    followUp?: FollowUp | null;
  },
): Promise<{ batchId: string; duplicate: boolean }> {
  requireMessaging(user);
  const existing = await db.messageBatch.findUnique({
    where: { authorId_clientId: { authorId: user.id, clientId: input.clientId } },
    select: { id: true },
  });
  if (existing) return { batchId: existing.id, duplicate: true };
  const plan = await planGroupedMessage(user, input.who);
  if (plan.inApp === 0) throw new UserError("errors.grouped.noRecipients");
  const sms = input.smsCopy ? plan.recipients.filter((r) => r.sms === "eligible") : [];
  // The files: this sender's own uploads for a grouped message, not yet sent with one.
  const fileIds = [...new Set(input.attachmentIds ?? [])];
  const mine = {
    id: { in: fileIds },
    organizationId: user.organizationId,
    uploaderId: user.id,
    conversationId: null,
    messageId: null,
    sharedAt: null,
  };
  if (fileIds.length && (await db.attachment.count({ where: mine })) !== fileIds.length)
    throw new UserError("errors.file.gone");
  const batchId = newId();
  try {
    // The batch, its recipients and the job that writes the copies commit together.
    await writeTx(async (tx, ex) => {
      // Counted with the organisation locked: two grouped messages at once cannot both pass the limits.
      await requireSmsRoom(
        ex,
        user.organizationId,
        sms.map((r) => r.phone!),
      );
      await tx.messageBatch.create({
        data: {
          id: batchId,
          organizationId: user.organizationId,
          authorId: user.id,
          clientId: input.clientId,
          body: input.body,
          smsCopy: input.smsCopy,
          urgent: Boolean(input.urgent),
          attachmentIds: fileIds.length ? fileIds : undefined,
          recipientCount: plan.inApp,
          smsCount: sms.length,
          askConfirm: Boolean(input.followUp?.askConfirm),
          followUpMinutes: input.followUp?.followUpMinutes ?? null,
        },
        select: { id: true },
      });
      await queueFollowUp(
        ex,
        { id: batchId, organizationId: user.organizationId, followUpMinutes: input.followUp?.followUpMinutes ?? null },
        new Date(),
      );
      await tx.batchRecipient.createMany({
        data: plan.recipients.map((r) => ({
          batchId,
          teammateId: r.teammateId,
          conversationId: r.conversationId,
          sms: input.smsCopy ? r.sms : "none",
        })),
      });
      // Taken by this batch: never pruned as unsent, never sent with another message.
      await tx.attachment.updateMany({ where: mine, data: { sharedAt: new Date() } });
      await enqueueIn(ex, BATCH_POST, { batchId }, { key: `batch:${batchId}`, organizationId: user.organizationId });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await db.messageBatch.findUnique({
      where: { authorId_clientId: { authorId: user.id, clientId: input.clientId } },
      select: { id: true },
    });
    if (!raced) throw error;
    return { batchId: raced.id, duplicate: true };
  }
  return { batchId, duplicate: false };
}

/**
 * Writes a grouped message's copies. Resumable: many tries, since each crash costs one and
 * a re-run picks up where the last stopped.
 */
export const BATCH_POST = jobKind("batch.post", z.object({ batchId: z.string().min(1) }), { maxAttempts: 20 });

/** The job: the copies not written yet (a re-run after a crash picks up where it stopped). */
export async function postBatch(batchId: string, signal?: AbortSignal): Promise<void> {
  const batch = await db.messageBatch.findUnique({ where: { id: batchId } });
  if (!batch || batch.postedAt) return;
  const author = await db.user.findUnique({
    where: { id: batch.authorId },
    select: { id: true, firstName: true, lastName: true },
  });
  if (!author) throw new NotFoundError("errors.notFound.item");
  const fileIds = Array.isArray(batch.attachmentIds) ? (batch.attachmentIds as string[]) : [];
  const files = fileIds.length
    ? (
        await db.attachment.findMany({
          where: { id: { in: fileIds }, organizationId: batch.organizationId, conversationId: null },
          select: {
            id: true,
            fileName: true,
            mimeType: true,
            size: true,
            storage: true,
            storageKey: true,
            url: true,
            thumbKey: true,
            width: true,
            height: true,
          },
        })
      ).sort((a, b) => fileIds.indexOf(a.id) - fileIds.indexOf(b.id))
    : [];
  for (;;) {
    const todo = await db.batchRecipient.findMany({
      where: { batchId, messageId: null },
      take: CHUNK,
      orderBy: { teammateId: "asc" },
    });
    if (todo.length === 0) break;
    const people = new Map(
      (
        await db.user.findMany({
          where: { id: { in: todo.map((r) => r.teammateId) } },
          select: { id: true, phone: true, locale: true },
        })
      ).map((p) => [p.id, p]),
    );
    // Each chunk's copies, SMS rows and the SMS jobs commit together: a crash loses none of them.
    await writeTransaction(async (tx) => {
      for (const r of todo) {
        const posted = await postMessage(tx, {
          organizationId: batch.organizationId,
          conversationId: r.conversationId,
          author: { id: author.id, name: `${author.firstName} ${author.lastName}`, staff: true },
          kind: "TEXT",
          body: batch.body,
          clientId: `${batch.clientId}:${r.teammateId}`,
          batchId,
          fileCopies: files,
          urgent: batch.urgent,
          confirm: batch.askConfirm,
          notify: true,
          where: { kind: "INBOX", teammateId: r.teammateId },
        });
        await tx.run(
          sql`UPDATE "BatchRecipient" SET "messageId" = ${posted?.id ?? "gone"} WHERE "batchId" = ${batchId} AND "teammateId" = ${r.teammateId}`,
        );
        const person = people.get(r.teammateId);
        if (!posted || r.sms !== "eligible" || !person?.phone) continue;
        await insertSmsCopy(tx, {
          organizationId: batch.organizationId,
          messageId: posted.id,
          recipientId: r.teammateId,
          phone: person.phone,
          locale: person.locale,
          body: batch.body,
        });
      }
    });
    signal?.throwIfAborted(); // the lease moved to another worker: it goes on from here
  }
  await db.messageBatch.update({ where: { id: batchId }, data: { postedAt: new Date() } });
}
