import "server-only";
import { queryOne, sql } from "@/lib/db/sql";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { teammateUnreadCount } from "@/lib/inbox/queries";
import { chatUnreadTotal } from "@/lib/chat/queries";

/**
 * The number on the app's icon (Badging API): what the menus count. A teammate: unread
 * messages from the organisation and in chat. Staff: inbox threads with a teammate's
 * message they have not read (a thread another manager owns is theirs to count), and unread chat.
 */
export async function unreadBadge(user: SessionUser, chatEnabled: boolean): Promise<number> {
  const [inbox, chat] = await Promise.all([inboxUnread(user), chatEnabled ? chatUnreadTotal(user) : 0]);
  return inbox + chat;
}

/** The badge's count without chat: for a page that counts chat for its menu already (the staff layout). */
export async function inboxUnread(user: SessionUser): Promise<number> {
  if (!isStaff(user.role)) return teammateUnreadCount(user);
  if (!user.messagingAccess) return 0;
  const row = await queryOne(
    sql`
    SELECT COUNT(*) AS "n" FROM "Conversation" c
    LEFT JOIN "StaffReadState" s ON s."conversationId" = c."id" AND s."userId" = ${user.id}
    WHERE c."organizationId" = ${user.organizationId} AND c."kind" = 'INBOX' AND c."deletedAt" IS NULL
      AND c."lastInboundSeq" > COALESCE(s."lastReadSeq", 0)
      AND (c."assigneeId" IS NULL OR c."assigneeId" = ${user.id})`,
    { n: "int" },
  );
  return row?.n ?? 0;
}
