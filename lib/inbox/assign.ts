import "server-only";
import { db } from "@/lib/db";
import { sql, writeTransaction } from "@/lib/db/sql";
import { requireMessaging } from "@/lib/auth/authorize";
import { STAFF_ROLES, type Role, type SessionUser } from "@/lib/auth/roles";
import { UserError } from "@/lib/errors";
import { appendEvent } from "@/lib/realtime/append";
import { auditIn } from "@/lib/audit/record";
import { requireInboxThread } from "./access";
import { notifyAssignee } from "./assign-notify";

export type Assignee = { id: string; name: string; firstName: string };

/** Who may own an inbox thread: the organisation's managers and admins with messaging, not disabled. */
export async function assignableStaff(user: SessionUser): Promise<Assignee[]> {
  requireMessaging(user);
  const people = await db.user.findMany({
    where: {
      organizationId: user.organizationId,
      role: { in: [...STAFF_ROLES] as Role[] },
      messagingAccess: true,
      disabledAt: null,
    },
    orderBy: [{ firstName: "asc" }, { lastName: "asc" }],
    select: { id: true, firstName: true, lastName: true },
    take: 500,
  });
  return people.map((p) => ({ id: p.id, firstName: p.firstName, name: `${p.firstName} ${p.lastName}` }));
}

/**
 * Gives the thread to a manager with messaging (`assigneeId`), or to no one (null). In one
 * transaction: the thread's owner, since when and by whom; a line of the audit history; the
 * staff-only live event; and, when someone else gave it, the job that tells the assignee
 * outside the app. Giving it to whoever has it already changes nothing.
 */
export async function assignThread(
  user: SessionUser,
  conversationId: string,
  assigneeId: string | null,
): Promise<{ changed: boolean }> {
  requireMessaging(user);
  const thread = await requireInboxThread(user, conversationId);
  const people = await db.user.findMany({
    where: {
      organizationId: user.organizationId,
      id: { in: [thread.teammateId, ...(assigneeId ? [assigneeId] : [])] },
    },
    select: { id: true, firstName: true, lastName: true, role: true, messagingAccess: true, disabledAt: true },
  });
  const teammate = people.find((p) => p.id === thread.teammateId);
  const target = assigneeId ? people.find((p) => p.id === assigneeId) : null;
  if (assigneeId && (!target || target.role === "TEAMMATE" || !target.messagingAccess || target.disabledAt))
    throw new UserError("errors.assigneeNotStaff", undefined, "assigneeId");
  const assignee: Assignee | null = target
    ? { id: target.id, firstName: target.firstName, name: `${target.firstName} ${target.lastName}` }
    : null;
  const teammateName = teammate ? `${teammate.firstName} ${teammate.lastName}` : "";
  const at = new Date();
  const changed = await writeTransaction(async (tx) => {
    const before = await tx.get(
      sql`SELECT "assigneeId" FROM "Conversation" WHERE "id" = ${thread.id} AND "organizationId" = ${user.organizationId}`,
      { assigneeId: "text?" },
    );
    const previous = before?.assigneeId ?? null;
    const updated = await tx.run(sql`UPDATE "Conversation"
      SET "assigneeId" = ${assignee?.id ?? null}, "assignedAt" = ${assignee ? at : null}, "assignedById" = ${assignee ? user.id : null}
      WHERE "id" = ${thread.id} AND "organizationId" = ${user.organizationId}
        AND ${assignee ? sql`("assigneeId" IS NULL OR "assigneeId" <> ${assignee.id})` : sql`"assigneeId" IS NOT NULL`}`);
    if (!updated) return false;
    await auditIn(
      tx,
      {
        organizationId: user.organizationId,
        actorId: user.id,
        action: assignee ? "thread.assigned" : "thread.unassigned",
        target: { type: "Conversation", id: thread.id },
        data: { name: teammateName, assignee: assignee?.name, assigneeId: assignee?.id, previousId: previous },
      },
      at,
    );
    await appendEvent(
      tx,
      "thread.assigned",
      { organizationId: user.organizationId, audience: "STAFF", conversationId: thread.id },
      {
        conversationId: thread.id,
        assignee,
        by: { id: user.id, name: `${user.firstName} ${user.lastName}` },
        at: at.toISOString(),
        teammateName,
      },
      at,
    );
    if (assignee && assignee.id !== user.id)
      await notifyAssignee(tx, {
        organizationId: user.organizationId,
        conversationId: thread.id,
        assigneeId: assignee.id,
        byId: user.id,
      });
    return true;
  });
  return { changed };
}

export type ThreadOwner = { assignee: Assignee | null; assignedAt: Date | null; assignedBy: string | null };

/** Who owns a thread, since when, and who gave it to them. */
export async function threadOwner(user: SessionUser, conversationId: string): Promise<ThreadOwner> {
  requireMessaging(user);
  const c = await db.conversation.findFirst({
    where: { id: conversationId, organizationId: user.organizationId, kind: "INBOX" },
    select: {
      assignedAt: true,
      assignedById: true,
      assignee: { select: { id: true, firstName: true, lastName: true } },
    },
  });
  const by = c?.assignedById
    ? await db.user.findFirst({
        where: { id: c.assignedById, organizationId: user.organizationId },
        select: { firstName: true, lastName: true },
      })
    : null;
  const a = c?.assignee;
  return {
    assignee: a ? { id: a.id, firstName: a.firstName, name: `${a.firstName} ${a.lastName}` } : null,
    assignedAt: a ? (c?.assignedAt ?? null) : null,
    assignedBy: by ? `${by.firstName} ${by.lastName}` : null,
  };
}
