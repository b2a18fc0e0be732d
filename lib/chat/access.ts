import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/api/errors";
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

/** A teammate's department (null for staff, who may act in every department). */
export async function departmentOf(user: SessionUser): Promise<string | null> {
  if (isStaff(user.role)) return null;
  const p = await db.teammateProfile.findUnique({ where: { userId: user.id }, select: { departmentId: true, active: true } });
  return p?.active ? p.departmentId : null;
}

/** Whether this user may act in (open a public conversation of, pick people from) a department. */
export function mayUseDepartment(user: SessionUser, own: string | null, departmentId: string | null): boolean {
  if (!departmentId) return false;
  return isStaff(user.role) || own === departmentId;
}

/** The chat conversation if the user may see it (its left standing too, for a public one they may join again). */
export async function requireChat(user: SessionUser, conversationId: string, opts: { allowLeft?: boolean } = {}): Promise<ChatRef> {
  await requireChatOn(user);
  const [c, own] = await Promise.all([
    db.conversation.findFirst({
      where: { id: conversationId, organizationId: user.organizationId, kind: { in: ["CHANNEL", "GROUP"] }, deletedAt: null },
      select: {
        id: true,
        organizationId: true,
        kind: true,
        departmentId: true,
        name: true,
        createdById: true,
        lastSeq: true,
        members: { where: { userId: user.id }, select: { leftAt: true, lastReadSeq: true } },
      },
    }),
    departmentOf(user),
  ]);
  if (!c || c.kind === "INBOX") throw new NotFoundError("errors.notFound.conversation");
  const m = c.members[0];
  const standing = m && !m.leftAt ? "member" : m?.leftAt ? "left" : "open";
  const visible =
    standing === "member" || (c.kind === "CHANNEL" && mayUseDepartment(user, own, c.departmentId) && (standing === "open" || opts.allowLeft === true));
  if (!visible) throw new NotFoundError("errors.notFound.conversation");
  const { members: _m, ...rest } = c;
  void _m;
  return { ...rest, kind: c.kind, standing, lastReadSeq: m && !m.leftAt ? m.lastReadSeq : 0 };
}

/** The kind of a conversation of the user's organisation, to send its requests the right way (null: none). */
export async function conversationKind(user: SessionUser, conversationId: string): Promise<"INBOX" | ChatKind | null> {
  const c = await db.conversation.findFirst({ where: { id: conversationId, organizationId: user.organizationId }, select: { kind: true } });
  return c?.kind ?? null;
}
