import "server-only";
import { db } from "@/lib/db";
import { THREAD_MESSAGE_SELECT, threadMessage, type ThreadMessage } from "./wire";

// A page of any conversation's messages, oldest first: the inbox and chat both read them so.

const THREAD_PAGE_SIZE = 100;

export type MessagePage = {
  messages: ThreadMessage[];
  /** Older messages exist before the first one. */
  hasEarlier: boolean;
  /** Shifts these messages are about that the thread's teammate is no longer assigned to. */
  goneShiftIds: string[];
};

/** The newest page of a thread, or the page before message `beforeSeq`, oldest first (`teammateId`: whose shifts its cards are about). */
export async function messagePage(
  conversationId: string,
  teammateId: string,
  beforeSeq?: number,
): Promise<MessagePage> {
  const rows = await db.message.findMany({
    where: { conversationId, deletedAt: null, ...(beforeSeq ? { seq: { lt: beforeSeq } } : {}) },
    orderBy: { seq: "desc" },
    take: THREAD_PAGE_SIZE + 1,
    select: THREAD_MESSAGE_SELECT,
  });
  const messages = rows.slice(0, THREAD_PAGE_SIZE).reverse().map(threadMessage);
  const shiftIds = [...new Set(messages.flatMap((m) => (m.shift ? [m.shift.id] : [])))];
  const assigned = shiftIds.length
    ? await db.assignment.findMany({
        where: { userId: teammateId, shiftId: { in: shiftIds }, deletedAt: null },
        select: { shiftId: true },
      })
    : [];
  const still = new Set(assigned.map((a) => a.shiftId));
  return {
    messages,
    hasEarlier: rows.length > THREAD_PAGE_SIZE,
    goneShiftIds: shiftIds.filter((id) => !still.has(id)),
  };
}
