import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation, writeTransaction } from "@/lib/db/sql";
import type { SqlExec } from "@/lib/db/exec";
import { NotFoundError, UserError } from "@/lib/errors";
import { toWire, THREAD_MESSAGE_SELECT, threadMessage } from "./wire";
import { AttachmentGoneError, postMessage, type MessageAuthor, type NewMessage, type PostedMessage } from "./post";

export type SendResult = { message: PostedMessage; duplicate: boolean };

/**
 * A message someone sends from a device: stored once per (author, clientId) in one
 * transaction on the hot-path connection. A retried send answers with the stored
 * message.
 * The hottest write path (docs/decisions/004-hot-paths-in-sql.md).
 */
export async function sendOnce(
  m: NewMessage & { author: MessageAuthor; clientId: string },
  /** More writes that belong with the message (its SMS copy), in its transaction. */
  along?: (tx: SqlExec, posted: PostedMessage) => Promise<void>,
): Promise<SendResult> {
  try {
    const posted = await writeTransaction(async (tx) => {
      const p = await postMessage(tx, { ...m, notify: true });
      if (p && along) await along(tx, p);
      return p;
    });
    if (!posted) throw new NotFoundError("errors.notFound.conversation");
    return { message: posted, duplicate: false };
  } catch (error) {
    if (error instanceof AttachmentGoneError) throw new UserError("errors.file.gone");
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.message.findUnique({
      where: { authorId_clientId: { authorId: m.author.id, clientId: m.clientId } },
      select: { ...THREAD_MESSAGE_SELECT, conversationId: true },
    });
    if (!existing) throw error;
    const { conversationId, ...row } = existing;
    if (conversationId !== m.conversationId) throw new UserError("errors.sentElsewhere");
    const message = threadMessage(row);
    return {
      message: { id: message.id, seq: message.seq, createdAt: message.createdAt, message: toWire(message) },
      duplicate: true,
    };
  }
}
