import "server-only";
import { db } from "@/lib/db";
import { queryOne, sql } from "@/lib/db/sql";
import { NotFoundError } from "@/lib/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";

// Who may see a chat conversation. Private ones: their current members only, staff
// included. Public ones: their department's teammates and any staff, who join by
// opening them; once someone leaves, it is closed to them until they join again.
// Not found and not allowed look the same, and with the Chat option off, all is "not found".

export type ChatKind = "CHANNEL" | "GROUP";

export type ChatRef = {
  id: string;
  organizationId: string;
  kind: ChatKind;
  departmentId: string | null;
  name: string | null;
  createdById: string | null;
  lastSeq: number;
  /** The viewer's membership: "member" (joined), "open" (a public one they may join), "left" (a public one they left). */
  standing: "member" | "open" | "left";
  lastReadSeq: number;
};

/** The Chat option is on for the user's organisation, or nothing of it exists for them. */
export async function requireChatOn(user: SessionUser): Promise<void> {
  const org = await db.organization.findUnique({ where: { id: user.organizationId }, select: { chatEnabled: true } });
  if (!org?.chatEnabled) throw new NotFoundError("errors.notFound.page");
}

/** Whether this user may act in (open a public conversation of, pick people from) a department. */
export function mayUseDepartment(user: SessionUser, own: string | null, departmentId: string | null): boolean {
  if (!departmentId) return false;
  return isStaff(user.role) || own === departmentId;
}

const ACCESS_ROW = {
  id: "text",
  organizationId: "text",
  kind: "text",
  departmentId: "text?",
  name: "text?",
  createdById: "text?",
  lastSeq: "int",
  chatEnabled: "bool",
  memberId: "text?",
  leftAt: "date?",
  lastReadSeq: "int?",
  ownDepartment: "text?",
  ownActive: "bool?",
} as const;

/**
 * The chat conversation if the user may see it (its left standing too, for a public one
 * they may join again). One statement: it is on the path of every chat message sent
 * (docs/decisions/004-hot-paths-in-sql.md).
 */
export async function requireChat(
  user: SessionUser,
  conversationId: string,
  opts: { allowLeft?: boolean } = {},
): Promise<ChatRef> {
  const c = await queryOne(
    sql`
    SELECT c."id", c."organizationId", c."kind", c."departmentId", c."name", c."createdById", c."lastSeq", o."chatEnabled",
      m."userId" AS "memberId", m."leftAt", m."lastReadSeq", p."departmentId" AS "ownDepartment", p."active" AS "ownActive"
    FROM "Conversation" c JOIN "Organization" o ON o."id" = c."organizationId"
      LEFT JOIN "ConversationMember" m ON m."conversationId" = c."id" AND m."userId" = ${user.id}
      LEFT JOIN "TeammateProfile" p ON p."userId" = ${user.id}
    WHERE c."id" = ${conversationId} AND c."organizationId" = ${user.organizationId} AND c."deletedAt" IS NULL AND c."kind" IN ('CHANNEL', 'GROUP')`,
    ACCESS_ROW,
  );
  if (!c) {
    await requireChatOn(user); // "not found" either way; the option's absence first
    throw new NotFoundError("errors.notFound.conversation");
  }
  if (!c.chatEnabled) throw new NotFoundError("errors.notFound.page");
  const standing = c.memberId && !c.leftAt ? "member" : c.memberId ? "left" : "open";
  const own = isStaff(user.role) || !c.ownActive ? null : c.ownDepartment;
  // A public conversation is its department's: a teammate who is no longer in it (moved,
  // made inactive) no longer sees it, membership or not.
  const ofMyDepartment = c.kind !== "CHANNEL" || mayUseDepartment(user, own, c.departmentId);
  const visible =
    ofMyDepartment &&
    (standing === "member" || (c.kind === "CHANNEL" && (standing === "open" || opts.allowLeft === true)));
  if (!visible) throw new NotFoundError("errors.notFound.conversation");
  return {
    id: c.id,
    organizationId: c.organizationId,
    kind: c.kind === "CHANNEL" ? "CHANNEL" : "GROUP",
    departmentId: c.departmentId,
    name: c.name,
    createdById: c.createdById,
    lastSeq: c.lastSeq,
    standing,
    lastReadSeq: standing === "member" ? (c.lastReadSeq ?? 0) : 0,
  };
}
