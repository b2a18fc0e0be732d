import "server-only";
import { db } from "@/lib/db";
import { requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { requireInboxThread } from "./access";
import { setStaffReadPosition } from "./read";

/**
 * Mark as unread, for this staff user only: unread from `fromSeq` on, or from the
 * teammate's last message when no message is given.
 */
export async function markUnreadByStaff(
  user: SessionUser,
  conversationId: string,
  fromSeq?: number,
): Promise<{ lastReadSeq: number }> {
  requireMessaging(user);
  const thread = await requireInboxThread(user, conversationId);
  const { lastSeq, lastInboundSeq } = await db.conversation.findUniqueOrThrow({
    where: { id: thread.id },
    select: { lastSeq: true, lastInboundSeq: true },
  });
  const from = Math.min(fromSeq ?? Math.max(lastInboundSeq, 1), Math.max(lastSeq, 1));
  const lastReadSeq = from - 1;
  await setStaffReadPosition(user, thread.id, lastReadSeq, { forward: false });
  return { lastReadSeq };
}
