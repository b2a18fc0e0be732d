import "server-only";
import { db } from "@/lib/db";
import { requireMessaging } from "@/lib/auth/authorize";
import { NotFoundError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import type { ThreadMessage, ThreadNote } from "@/lib/conversations/wire";
import { isStaff } from "@/lib/auth/roles";
import { messagePage, type MessagePage } from "@/lib/conversations/pages";
import { listNotes } from "./notes";
import { requireInboxThread } from "./access";
import { smsEligibility, type SmsReason } from "@/lib/sms/eligibility";

export type { ThreadMessage };

/** What staff did about a shift question is theirs to read; the teammate gets the system message. */
const forTeammate = (page: MessagePage): MessagePage => ({
  ...page,
  messages: page.messages.map((m) => ({ ...m, action: null })),
});

export type EarlierPage = MessagePage & { notes: ThreadNote[] };

/**
 * The page of messages before `beforeSeq` in a thread this user may read, for a reader
 * scrolling back; staff also get the private notes written in that stretch of time.
 */
export async function earlierMessages(
  user: SessionUser,
  conversationId: string,
  beforeSeq: number,
): Promise<EarlierPage> {
  const thread = await requireInboxThread(user, conversationId);
  const page = await messagePage(thread.id, thread.teammateId, { before: beforeSeq });
  if (!isStaff(user.role)) return { ...forTeammate(page), notes: [] };
  const next = await db.message.findFirst({
    where: { conversationId: thread.id, seq: { gte: beforeSeq } },
    orderBy: { seq: "asc" },
    select: { createdAt: true },
  });
  const from = page.hasEarlier ? page.messages[0]?.createdAt : undefined;
  return { ...page, notes: await listNotes(user, thread.id, from, next?.createdAt) };
}

export type StaffThread = MessagePage & {
  id: string;
  teammate: { id: string; firstName: string; lastName: string; email: string; phone: string | null };
  /** Whether "Send a copy by SMS" can reach the teammate, or why not. */
  sms: SmsReason;
  processed: boolean;
  processedAt: Date | null;
  processedBy: string | null;
};

/** `at`: open at that message (a search's result). */
export async function getStaffThread(user: SessionUser, conversationId: string, at?: number): Promise<StaffThread> {
  requireMessaging(user);
  const t = await db.conversation.findFirst({
    where: { id: conversationId, organizationId: user.organizationId, kind: "INBOX", deletedAt: null },
    select: {
      id: true,
      processed: true,
      processedAt: true,
      processedById: true,
      teammate: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          email: true,
          phone: true,
          disabledAt: true,
          profile: { select: { smsConsent: true } },
        },
      },
    },
  });
  if (!t?.teammate) throw new NotFoundError("errors.notFound.conversation");
  const { disabledAt, profile, ...teammate } = t.teammate;
  const [processedBy, page] = await Promise.all([
    t.processedById
      ? db.user.findFirst({
          where: { id: t.processedById, organizationId: user.organizationId },
          select: { firstName: true },
        })
      : null,
    messagePage(t.id, teammate.id, { at }),
  ]);
  return {
    id: t.id,
    teammate,
    sms: smsEligibility({ phone: teammate.phone, smsConsent: profile?.smsConsent ?? false, disabledAt }),
    processed: t.processed,
    processedAt: t.processedAt,
    processedBy: processedBy?.firstName ?? null,
    ...page,
  };
}

export type TeammateThread = MessagePage & { id: string };

/** The teammate's own thread. Staff-only data (private notes, processed state) is not selected. */
export async function getTeammateThread(
  user: SessionUser,
  conversationId: string,
  at?: number,
): Promise<TeammateThread> {
  const thread = await requireInboxThread(user, conversationId);
  if (thread.teammateId !== user.id) throw new NotFoundError("errors.notFound.conversation");
  return { id: thread.id, ...forTeammate(await messagePage(thread.id, thread.teammateId, { at })) };
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
    where: {
      userId: user.id,
      conversation: { kind: "INBOX", teammateId: user.id, organizationId: user.organizationId },
    },
    select: { conversationId: true, lastReadSeq: true },
  });
  if (!member) return 0;
  return db.message.count({
    where: { conversationId: member.conversationId, fromStaff: true, seq: { gt: member.lastReadSeq } },
  });
}

/** The name a staff thread's browser tab shows (its teammate's), or null when it is not theirs to open. */
export async function staffThreadName(user: SessionUser, conversationId: string): Promise<string | null> {
  if (!user.messagingAccess) return null;
  const t = await db.conversation.findFirst({
    where: { id: conversationId, organizationId: user.organizationId, kind: "INBOX", deletedAt: null },
    select: { teammate: { select: { firstName: true, lastName: true } } },
  });
  return t?.teammate ? `${t.teammate.firstName} ${t.teammate.lastName}` : null;
}
