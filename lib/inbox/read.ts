import "server-only";
import { db, writeTx } from "@/lib/db";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { requireInboxThread } from "./access";
import { appendEvent } from "@/lib/realtime/append";

/**
 * Sets this staff user's read position in a thread (the caller has checked access)
 * and tells their other open tabs. `onlyForward` is how opening a thread reads it:
 * it never moves the position back; marking as unread does.
 */
export async function setStaffReadPosition(user: SessionUser, conversationId: string, seq: number, onlyForward: boolean): Promise<void> {
  const key = { conversationId_userId: { conversationId, userId: user.id } };
  const state = await db.staffReadState.findUnique({ where: key, select: { lastReadSeq: true } });
  const current = state?.lastReadSeq ?? 0;
  if (current === seq || (onlyForward && current > seq)) return;
  await writeTx(async (tx, ex) => {
    await tx.staffReadState.upsert({
      where: key,
      create: { conversationId, userId: user.id, lastReadSeq: seq },
      update: { lastReadSeq: seq },
      select: { conversationId: true },
    });
    await appendEvent(
      ex,
      "thread.read",
      { organizationId: user.organizationId, audience: "USER", userId: user.id, conversationId },
      { conversationId, lastReadSeq: seq },
    );
  });
}

/**
 * The open page says the reader has seen up to `seq`: forward only, and never past
 * the thread's last message. Staff keep their own position; a teammate's is their
 * membership. Returns the position recorded.
 */
export async function markThreadRead(user: SessionUser, conversationId: string, seq: number): Promise<number> {
  const thread = await requireInboxThread(user, conversationId);
  const { lastSeq } = await db.conversation.findUniqueOrThrow({ where: { id: thread.id }, select: { lastSeq: true } });
  const upTo = Math.min(seq, lastSeq);
  if (isStaff(user.role)) await setStaffReadPosition(user, thread.id, upTo, true);
  else
    await db.conversationMember.updateMany({ where: { conversationId: thread.id, userId: user.id, lastReadSeq: { lt: upTo } }, data: { lastReadSeq: upTo } });
  return upTo;
}
