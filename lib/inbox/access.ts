import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { requireMessaging } from "@/lib/auth/authorize";

export type InboxThreadRef = { id: string; organizationId: string; teammateId: string; lastSeq: number };

/**
 * The inbox thread if this user may see it: staff of the same organisation, or
 * the teammate whose thread it is. Anything else is "not found".
 */
export async function requireInboxThread(user: SessionUser, conversationId: string): Promise<InboxThreadRef> {
  if (isStaff(user.role)) requireMessaging(user);
  const thread = await db.conversation.findFirst({
    where: {
      id: conversationId,
      organizationId: user.organizationId,
      kind: "INBOX",
      deletedAt: null,
      ...(isStaff(user.role) ? {} : { teammateId: user.id }),
    },
    select: { id: true, organizationId: true, teammateId: true, lastSeq: true },
  });
  if (!thread?.teammateId) throw new NotFoundError("errors.notFound.conversation");
  return {
    id: thread.id,
    organizationId: thread.organizationId,
    teammateId: thread.teammateId,
    lastSeq: thread.lastSeq,
  };
}
