import "server-only";
import { db, writeTx } from "@/lib/db";
import { isUniqueViolation, type SqlExec } from "@/lib/db/sql";
import { UserError } from "@/lib/errors";
import { requireStaff } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/record";
import { appendEvent } from "@/lib/realtime/append";
import { notifyChannelOpened } from "./notify";
import { mayUseDepartment, requireChatOn } from "./access";
import { departmentOf } from "@/lib/org/departments";
import { requireDepartmentPeople } from "./people";
import type { z } from "zod";
import type { createChannelSchema, createPrivateSchema } from "./schemas";

// Creating chat conversations. The form's client id becomes the conversation's id, so
// a double click or a retried request makes one conversation and answers with it.

type Created = { conversationId: string; existed: boolean };

async function requireDepartment(user: SessionUser, departmentId: string): Promise<void> {
  const d = await db.department.findFirst({
    where: { id: departmentId, organizationId: user.organizationId },
    select: { id: true },
  });
  if (!d || !mayUseDepartment(user, await departmentOf(user), d.id))
    throw new UserError("errors.chat.chooseDepartment", undefined, "departmentId");
}

/** The conversation this client id already made (a retry), or a refusal when it is someone else's. */
async function retried(user: SessionUser, id: string): Promise<Created> {
  const c = await db.conversation.findFirst({
    where: { id, organizationId: user.organizationId, createdById: user.id },
    select: { id: true },
  });
  if (!c) throw new UserError("errors.staleRequest");
  return { conversationId: c.id, existed: true };
}

export async function joinedEvent(ex: SqlExec, organizationId: string, conversationId: string, userId: string) {
  await appendEvent(
    ex,
    "chat.joined",
    { organizationId, audience: "USER", userId, conversationId },
    { conversationId },
  );
}

/** A public conversation of a department (staff only). Everyone in the department sees it at once. */
export async function createChannel(user: SessionUser, input: z.infer<typeof createChannelSchema>): Promise<Created> {
  requireStaff(user);
  await requireChatOn(user);
  await requireDepartment(user, input.departmentId);
  try {
    await writeTx(async (tx, ex) => {
      const c = await tx.conversation.create({
        data: {
          id: input.clientId,
          organizationId: user.organizationId,
          kind: "CHANNEL",
          departmentId: input.departmentId,
          name: input.name,
          createdById: user.id,
        },
        select: { id: true },
      });
      await tx.conversationMember.create({ data: { conversationId: c.id, userId: user.id } });
      await audit(tx, user, "chat.created", { type: "Conversation", id: c.id }, { kind: "CHANNEL", name: input.name });
      await joinedEvent(ex, user.organizationId, c.id, user.id);
      const target = {
        organizationId: user.organizationId,
        audience: "CHAT" as const,
        conversationId: c.id,
        departmentId: input.departmentId,
      };
      await appendEvent(ex, "chat.changed", target, { conversationId: c.id, change: "created" });
      await notifyChannelOpened(ex, user.organizationId, c.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return retried(user, input.clientId);
    throw error;
  }
  return { conversationId: input.clientId, existed: false };
}

/**
 * A private conversation within one department: with one other person (the one the two
 * already have, if any), or a named group of the user and 2 or more.
 */
export async function createPrivate(user: SessionUser, input: z.infer<typeof createPrivateSchema>): Promise<Created> {
  await requireChatOn(user);
  await requireDepartment(user, input.departmentId);
  const others = [...new Set(input.memberIds)].filter((id) => id !== user.id);
  if (others.length === 1) {
    const existing = await directBetween(user, others[0]!);
    if (existing) return { conversationId: existing, existed: true };
  }
  try {
    await writeTx(async (tx, ex) => {
      const people = await requireDepartmentPeople(tx, user, input.departmentId, others);
      const name = people.length > 1 ? input.name : input.name || null;
      await tx.conversation.create({
        data: {
          id: input.clientId,
          organizationId: user.organizationId,
          kind: "GROUP",
          departmentId: input.departmentId,
          name,
          createdById: user.id,
        },
      });
      await tx.conversationMember.createMany({
        data: [user.id, ...people.map((p) => p.id)].map((userId) => ({ conversationId: input.clientId, userId })),
      });
      for (const userId of [user.id, ...people.map((p) => p.id)])
        await joinedEvent(ex, user.organizationId, input.clientId, userId);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return retried(user, input.clientId);
    throw error;
  }
  return { conversationId: input.clientId, existed: false };
}

/** The unnamed conversation of exactly these two people, both still in it. */
async function directBetween(user: SessionUser, otherId: string): Promise<string | null> {
  const candidates = await db.conversation.findMany({
    where: {
      organizationId: user.organizationId,
      kind: "GROUP",
      name: null,
      deletedAt: null,
      AND: [
        { members: { some: { userId: user.id, leftAt: null } } },
        { members: { some: { userId: otherId, leftAt: null } } },
      ],
    },
    select: { id: true, _count: { select: { members: { where: { leftAt: null } } } } },
    take: 20,
  });
  return candidates.find((c) => c._count.members === 2)?.id ?? null;
}
