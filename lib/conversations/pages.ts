import "server-only";
import { db } from "@/lib/db";
import { THREAD_MESSAGE_SELECT, threadMessage, type ThreadMessage } from "./wire";

// A page of any conversation's messages, oldest first: the inbox and chat both read them so.

// Three screens of a phone, two of a desktop pane; older pages come on demand. 100 cost an
// organisation of 10,000 (200 messages a thread) p95 123 ms per thread opened (issue 28); 50 kept
// a phone's main thread blocked 810 ms as the page started (Lighthouse, CPU slowed 4×), 25 380 ms.
const THREAD_PAGE_SIZE = 25;
// Opened at a message (a search's result): everything from just before it to the newest, up to this many.
const OPEN_AT_MAX = 1000;

export type MessagePage = {
  messages: ThreadMessage[];
  /** Older messages exist before the first one. */
  hasEarlier: boolean;
  /** Shifts these messages are about that the thread's teammate is no longer assigned to. */
  goneShiftIds: string[];
};

/**
 * The newest page of a thread, or the page before message `before`, oldest first (`teammateId`: whose
 * shifts its cards are about). `at`: the newest messages down to a few before message `at`, so the
 * page opens on it; one further back than OPEN_AT_MAX is reached by paging back.
 */
export async function messagePage(
  conversationId: string,
  teammateId: string,
  { before, at }: { before?: number; at?: number } = {},
): Promise<MessagePage> {
  // A deleted message stays in its place ("Message deleted"): threadMessage empties it.
  const where = { conversationId };
  let rows = await db.message.findMany({
    where: { ...where, ...(before ? { seq: { lt: before } } : {}) },
    orderBy: { seq: "desc" },
    take: THREAD_PAGE_SIZE + 1,
    select: THREAD_MESSAGE_SELECT,
  });
  let hasEarlier = rows.length > THREAD_PAGE_SIZE;
  rows = rows.slice(0, THREAD_PAGE_SIZE);
  if (at && hasEarlier && (rows.at(-1)?.seq ?? 0) > at - 3) {
    rows = await db.message.findMany({
      where: { ...where, seq: { gte: at - 3 } },
      orderBy: { seq: "desc" },
      take: OPEN_AT_MAX,
      select: THREAD_MESSAGE_SELECT,
    });
    const first = rows.at(-1)?.seq ?? 0;
    hasEarlier = Boolean(await db.message.findFirst({ where: { ...where, seq: { lt: first } }, select: { id: true } }));
  }
  const messages = rows.reverse().map(threadMessage);
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
    hasEarlier,
    goneShiftIds: shiftIds.filter((id) => !still.has(id)),
  };
}
