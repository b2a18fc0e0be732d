import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/auth/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { appendEvent } from "@/lib/realtime/events";
import { wake } from "@/lib/realtime/signal";
import { requireInboxThread } from "./access";
import type { SendMessageInput } from "./schemas";

export type SentMessage = { id: string; seq: number; createdAt: Date };

export function previewOf(body: string): string {
  return body.replace(/\s+/g, " ").trim().slice(0, 140);
}

/**
 * Stores a message in an inbox thread, once per (author, clientId): a retried
 * send returns the stored message. One transaction: sequence number, thread
 * summary, the sender's read position, processed state and the event log.
 */
export async function sendInboxMessage(user: SessionUser, input: SendMessageInput): Promise<{ message: SentMessage; duplicate: boolean }> {
  const thread = await requireInboxThread(user, input.conversationId);
  const fromStaff = isStaff(user.role);

  const result = await db.$transaction(async (tx) => {
    const existing = await tx.message.findUnique({
      where: { authorId_clientId: { authorId: user.id, clientId: input.clientId } },
      select: { id: true, seq: true, createdAt: true, conversationId: true },
    });
    if (existing) {
      if (existing.conversationId !== thread.id) throw new UserError("This message was already sent elsewhere; reload the page.");
      return { message: { id: existing.id, seq: existing.seq, createdAt: existing.createdAt }, duplicate: true };
    }

    const current = await tx.conversation.findUniqueOrThrow({ where: { id: thread.id }, select: { lastSeq: true, processed: true } });
    const seq = current.lastSeq + 1;
    const now = new Date();
    const reopens = !fromStaff && current.processed;

    await tx.conversation.update({
      where: { id: thread.id },
      data: {
        lastSeq: seq,
        lastMessageAt: now,
        lastMessagePreview: previewOf(input.body),
        ...(fromStaff ? {} : { lastInboundSeq: seq, lastInboundAt: now }),
        // A new message from the teammate makes the thread "not processed" again.
        ...(reopens ? { processed: false, processedAt: null, processedById: null } : {}),
      },
      select: { id: true },
    });
    const message = await tx.message.create({
      data: {
        organizationId: thread.organizationId,
        conversationId: thread.id,
        seq,
        authorId: user.id,
        fromStaff,
        kind: "TEXT",
        body: input.body,
        clientId: input.clientId,
        createdAt: now,
      },
      select: { id: true, seq: true, createdAt: true },
    });

    if (fromStaff) {
      await tx.staffReadState.upsert({
        where: { conversationId_userId: { conversationId: thread.id, userId: user.id } },
        create: { conversationId: thread.id, userId: user.id, lastReadSeq: seq },
        update: { lastReadSeq: seq },
        select: { conversationId: true },
      });
    } else {
      await tx.conversationMember.updateMany({ where: { conversationId: thread.id, userId: user.id }, data: { lastReadSeq: seq } });
    }
    if (reopens) {
      await tx.processedChange.create({
        data: { organizationId: thread.organizationId, conversationId: thread.id, processed: false, byId: null, at: now },
        select: { id: true },
      });
      await appendEvent(tx, {
        organizationId: thread.organizationId,
        type: "thread.processed",
        audience: "STAFF",
        conversationId: thread.id,
        payload: { conversationId: thread.id, processed: false },
      });
    }
    await appendEvent(tx, {
      organizationId: thread.organizationId,
      type: "message.created",
      audience: "MEMBERS",
      conversationId: thread.id,
      payload: { conversationId: thread.id, messageId: message.id, seq },
    });
    return { message, duplicate: false };
  });
  if (!result.duplicate) wake(thread.organizationId);
  return result;
}
