import "server-only";
import { db, writeTx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
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
    await appendEvent(ex, "thread.read", { organizationId: user.organizationId, audience: "USER", userId: user.id, conversationId }, { conversationId, lastReadSeq: seq });
  });
}

export async function markReadByStaff(user: SessionUser, conversationId: string, seq: number): Promise<void> {
  await setStaffReadPosition(user, conversationId, seq, true);
}

export async function markReadByMember(user: SessionUser, conversationId: string, seq: number): Promise<void> {
  await db.conversationMember.updateMany({
    where: { conversationId, userId: user.id, lastReadSeq: { lt: seq } },
    data: { lastReadSeq: seq },
  });
}
