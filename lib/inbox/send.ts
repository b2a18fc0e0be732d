import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation, sql, writeTransaction, type SqlTx } from "@/lib/db/sql";
import { newId } from "@/lib/db/ids";
import { NotFoundError, UserError } from "@/lib/auth/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { wake } from "@/lib/realtime/signal";
import { previewOf } from "@/lib/text/preview";
import type { SendMessageInput } from "./schemas";

export type SentMessage = { id: string; seq: number; createdAt: Date };

function appendEvent(tx: SqlTx, organizationId: string, type: string, audience: "STAFF" | "MEMBERS", conversationId: string, payload: object, at: Date) {
  tx.run(sql`INSERT INTO "Event" ("organizationId", "type", "audience", "conversationId", "payload", "createdAt")
    VALUES (${organizationId}, ${type}, ${audience}, ${conversationId}, ${JSON.stringify(payload)}, ${at})`);
}

/**
 * Stores a message in an inbox thread, once per (author, clientId): a retried
 * send returns the stored message. One transaction: access check with the
 * thread's state, thread summary, the message, the sender's read position and
 * the event log. Staff of another organisation and other teammates get "not found".
 * The hottest write path, so it runs as SQL (docs/decisions/004-hot-paths-in-sql.md).
 */
export async function sendInboxMessage(
  user: SessionUser,
  input: SendMessageInput,
  about: { kind: "TEXT" | "SHIFT_QUESTION" | "UNAVAILABILITY_REPORT"; shiftId: string | null } = { kind: "TEXT", shiftId: null },
): Promise<{ message: SentMessage; duplicate: boolean }> {
  const fromStaff = isStaff(user.role);
  try {
    const message = await writeTransaction((tx) => {
      const thread = tx.get<{ id: string; organizationId: string; lastSeq: number; processed: number }>(sql`
        SELECT "id", "organizationId", "lastSeq", "processed" FROM "Conversation"
        WHERE "id" = ${input.conversationId} AND "organizationId" = ${user.organizationId} AND "kind" = 'INBOX'
          AND "deletedAt" IS NULL AND (${fromStaff} OR "teammateId" = ${user.id})`);
      if (!thread) throw new NotFoundError("This conversation");
      const seq = thread.lastSeq + 1;
      const now = new Date();
      const id = newId();
      const preview = previewOf(input.body);
      if (fromStaff) {
        tx.run(sql`UPDATE "Conversation" SET "lastSeq" = ${seq}, "lastMessageAt" = ${now}, "lastMessagePreview" = ${preview} WHERE "id" = ${thread.id}`);
      } else {
        // A new message from the teammate makes the thread "not processed" again.
        tx.run(sql`UPDATE "Conversation" SET "lastSeq" = ${seq}, "lastMessageAt" = ${now}, "lastMessagePreview" = ${preview},
          "lastInboundSeq" = ${seq}, "lastInboundAt" = ${now}, "processed" = false, "processedAt" = NULL, "processedById" = NULL
          WHERE "id" = ${thread.id}`);
      }
      // The unique (authorId, clientId) index refuses a retried send; the catch below answers it.
      tx.run(sql`INSERT INTO "Message" ("id", "organizationId", "conversationId", "seq", "authorId", "fromStaff", "kind", "body", "clientId", "shiftId", "createdAt")
        VALUES (${id}, ${thread.organizationId}, ${thread.id}, ${seq}, ${user.id}, ${fromStaff}, ${about.kind}, ${input.body}, ${input.clientId}, ${about.shiftId}, ${now})`);
      if (fromStaff) {
        tx.run(sql`INSERT INTO "StaffReadState" ("conversationId", "userId", "lastReadSeq", "updatedAt") VALUES (${thread.id}, ${user.id}, ${seq}, ${now})
          ON CONFLICT ("conversationId", "userId") DO UPDATE SET "lastReadSeq" = excluded."lastReadSeq", "updatedAt" = excluded."updatedAt"`);
      } else {
        tx.run(sql`UPDATE "ConversationMember" SET "lastReadSeq" = ${seq} WHERE "conversationId" = ${thread.id} AND "userId" = ${user.id}`);
      }
      if (!fromStaff && thread.processed) {
        tx.run(sql`INSERT INTO "ProcessedChange" ("id", "organizationId", "conversationId", "processed", "byId", "at")
          VALUES (${newId()}, ${thread.organizationId}, ${thread.id}, false, NULL, ${now})`);
        appendEvent(tx, thread.organizationId, "thread.processed", "STAFF", thread.id, { conversationId: thread.id, processed: false }, now);
      }
      appendEvent(tx, thread.organizationId, "message.created", "MEMBERS", thread.id, { conversationId: thread.id, messageId: id, seq }, now);
      return { id, seq, createdAt: now };
    });
    wake(user.organizationId);
    return { message, duplicate: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.message.findUnique({
      where: { authorId_clientId: { authorId: user.id, clientId: input.clientId } },
      select: { id: true, seq: true, createdAt: true, conversationId: true },
    });
    if (!existing) throw error;
    if (existing.conversationId !== input.conversationId) throw new UserError("This message was already sent elsewhere; reload the page.");
    return { message: { id: existing.id, seq: existing.seq, createdAt: existing.createdAt }, duplicate: true };
  }
}
