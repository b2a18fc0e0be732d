import "server-only";
import { db } from "@/lib/db";
import { requireStaff } from "@/lib/auth/authorize";
import { NotFoundError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { THREAD_MESSAGE_SELECT, threadMessage, type ThreadMessage } from "@/lib/messaging/wire";
import { requireInboxThread } from "./access";

export type { ThreadMessage };

export const THREAD_PAGE_SIZE = 100;

async function latestMessages(conversationId: string): Promise<ThreadMessage[]> {
  const rows = await db.message.findMany({
    where: { conversationId, deletedAt: null },
    orderBy: { seq: "desc" },
    take: THREAD_PAGE_SIZE,
    select: THREAD_MESSAGE_SELECT,
  });
  return rows.reverse().map(threadMessage);
}

export type StaffThread = {
  id: string;
  teammate: { id: string; firstName: string; lastName: string; email: string; phone: string | null };
  processed: boolean;
  processedAt: Date | null;
  processedBy: string | null;
  messages: ThreadMessage[];
};

export async function getStaffThread(user: SessionUser, conversationId: string): Promise<StaffThread> {
  requireStaff(user);
  const t = await db.conversation.findFirst({
    where: { id: conversationId, organizationId: user.organizationId, kind: "INBOX", deletedAt: null },
    select: {
      id: true,
      processed: true,
      processedAt: true,
      processedById: true,
      teammate: { select: { id: true, firstName: true, lastName: true, email: true, phone: true } },
    },
  });
  if (!t?.teammate) throw new NotFoundError("errors.notFound.conversation");
  const processedBy = t.processedById
    ? await db.user.findFirst({ where: { id: t.processedById, organizationId: user.organizationId }, select: { firstName: true } })
    : null;
  return {
    id: t.id,
    teammate: t.teammate,
    processed: t.processed,
    processedAt: t.processedAt,
    processedBy: processedBy?.firstName ?? null,
    messages: await latestMessages(t.id),
  };
}

export type TeammateThread = { id: string; messages: ThreadMessage[] };

/** The teammate's own thread. Staff-only data (private notes, processed state) is not selected. */
export async function getTeammateThread(user: SessionUser, conversationId: string): Promise<TeammateThread> {
  const thread = await requireInboxThread(user, conversationId);
  if (thread.teammateId !== user.id) throw new NotFoundError("errors.notFound.conversation");
  // What staff did about a shift question is theirs to read; the teammate gets the system message.
  const messages = (await latestMessages(thread.id)).map((m) => ({ ...m, action: null }));
  return { id: thread.id, messages };
}

export async function teammateThreadId(user: SessionUser): Promise<string | null> {
  const t = await db.conversation.findFirst({
    where: { organizationId: user.organizationId, kind: "INBOX", teammateId: user.id, deletedAt: null },
    select: { id: true },
  });
  return t?.id ?? null;
}

/** Unread messages from the organisation in the teammate's thread (for the bottom bar badge). */
export async function teammateUnreadCount(user: SessionUser): Promise<number> {
  const member = await db.conversationMember.findFirst({
    where: { userId: user.id, conversation: { kind: "INBOX", teammateId: user.id, organizationId: user.organizationId } },
    select: { conversationId: true, lastReadSeq: true },
  });
  if (!member) return 0;
  return db.message.count({ where: { conversationId: member.conversationId, fromStaff: true, seq: { gt: member.lastReadSeq } } });
}
