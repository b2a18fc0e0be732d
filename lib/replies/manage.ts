import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { requireAdmin, requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { mayEditShared } from "./queries";
import type { saveReplySchema } from "./schemas";

/** The reply if this user may change it: their own, or the organisation's when they may write those. */
async function editable(user: SessionUser, id: string) {
  const reply = await db.savedReply.findFirst({
    where: { id, organizationId: user.organizationId, OR: [{ ownerId: user.id }, { ownerId: null }] },
    select: { id: true, ownerId: true, position: true },
  });
  if (!reply) throw new NotFoundError("errors.notFound.item");
  if (reply.ownerId === null && !(await mayEditShared(user))) throw new ForbiddenError("errors.sharedRepliesAdminOnly");
  return reply;
}

export async function saveReply(user: SessionUser, input: z.output<typeof saveReplySchema>): Promise<{ id: string }> {
  requireMessaging(user);
  const data = { title: input.title, bodyEn: input.bodyEn, bodyFr: input.bodyFr };
  if (input.id) {
    await editable(user, input.id);
    await db.savedReply.update({ where: { id: input.id }, data, select: { id: true } });
    return { id: input.id };
  }
  const shared = input.scope === "shared";
  if (shared && !(await mayEditShared(user))) throw new ForbiddenError("errors.sharedRepliesAdminOnly");
  const ownerId = shared ? null : user.id;
  const last = await db.savedReply.findFirst({
    where: { organizationId: user.organizationId, ownerId },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  const created = await db.savedReply.create({
    data: {
      ...data,
      organizationId: user.organizationId,
      ownerId,
      createdById: user.id,
      position: (last?.position ?? 0) + 1,
    },
    select: { id: true },
  });
  return created;
}

/** Archived replies leave the reply box's list and stay in Settings, where they can come back. */
export async function archiveReply(user: SessionUser, id: string, archived: boolean): Promise<void> {
  requireMessaging(user);
  await editable(user, id);
  await db.savedReply.update({
    where: { id },
    data: { archivedAt: archived ? new Date() : null },
    select: { id: true },
  });
}

/** One place up or down among the replies of the same owner (the manager's own, or the organisation's). */
export async function moveReply(user: SessionUser, id: string, direction: "up" | "down"): Promise<void> {
  requireMessaging(user);
  const reply = await editable(user, id);
  await db.$transaction(async (tx) => {
    const siblings = await tx.savedReply.findMany({
      where: { organizationId: user.organizationId, ownerId: reply.ownerId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const at = siblings.findIndex((s) => s.id === id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (at < 0 || to < 0 || to >= siblings.length) return;
    [siblings[at], siblings[to]] = [siblings[to]!, siblings[at]!];
    for (const [position, s] of siblings.entries())
      await tx.savedReply.update({ where: { id: s.id }, data: { position }, select: { id: true } });
  });
}

/** Admins decide whether managers may write the organisation's replies too. */
export async function setReplyPolicy(user: SessionUser, managersEdit: boolean): Promise<void> {
  requireAdmin(user);
  await db.organization.update({
    where: { id: user.organizationId },
    data: { managersEditReplies: managersEdit },
    select: { id: true },
  });
}
