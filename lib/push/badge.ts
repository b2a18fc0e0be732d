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
  const chat = chatEnabled ? await chatUnreadTotal(user) : 0;
  if (!isStaff(user.role)) return (await teammateUnreadCount(user)) + chat;
  if (!user.messagingAccess) return chat;
  const row = await queryOne(
    sql`
    SELECT COUNT(*) AS "n" FROM "Conversation" c
    LEFT JOIN "StaffReadState" s ON s."conversationId" = c."id" AND s."userId" = ${user.id}
    WHERE c."organizationId" = ${user.organizationId} AND c."kind" = 'INBOX' AND c."deletedAt" IS NULL
      AND c."lastInboundSeq" > COALESCE(s."lastReadSeq", 0)
      AND (c."assigneeId" IS NULL OR c."assigneeId" = ${user.id})`,
    { n: "int" },
  );
  return (row?.n ?? 0) + chat;
}
