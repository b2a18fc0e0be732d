import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";

/** Moves this staff user's read position forward (never back: marking unread is explicit). */
export async function markReadByStaff(user: SessionUser, conversationId: string, seq: number): Promise<void> {
  const state = await db.staffReadState.findUnique({
    where: { conversationId_userId: { conversationId, userId: user.id } },
    select: { lastReadSeq: true },
  });
  if (state && state.lastReadSeq >= seq) return;
  await db.staffReadState.upsert({
    where: { conversationId_userId: { conversationId, userId: user.id } },
    create: { conversationId, userId: user.id, lastReadSeq: seq },
    update: { lastReadSeq: seq },
    select: { conversationId: true },
  });
}

export async function markReadByMember(user: SessionUser, conversationId: string, seq: number): Promise<void> {
  await db.conversationMember.updateMany({
    where: { conversationId, userId: user.id, lastReadSeq: { lt: seq } },
    data: { lastReadSeq: seq },
  });
}
