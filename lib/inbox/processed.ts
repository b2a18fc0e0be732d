import "server-only";
import { db, writeTx } from "@/lib/db";
import { requireStaff } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { appendEvent } from "@/lib/realtime/events";
import { wake } from "@/lib/realtime/signal";
import { requireInboxThread } from "./access";

/**
 * Mark as processed / not processed. Records who and when on the thread and in
 * its history; setting the state it already has changes nothing.
 */
export async function setProcessed(user: SessionUser, conversationId: string, processed: boolean): Promise<{ changed: boolean }> {
  requireStaff(user);
  const thread = await requireInboxThread(user, conversationId);
  const result = await writeTx(async (tx) => {
    const current = await tx.conversation.findUniqueOrThrow({ where: { id: thread.id }, select: { processed: true } });
    if (current.processed === processed) return { changed: false };
    const at = new Date();
    await tx.conversation.update({
      where: { id: thread.id },
      data: { processed, processedAt: processed ? at : null, processedById: processed ? user.id : null },
      select: { id: true },
    });
    await tx.processedChange.create({
      data: { organizationId: thread.organizationId, conversationId: thread.id, processed, byId: user.id, at },
      select: { id: true },
    });
    await appendEvent(tx, {
      organizationId: thread.organizationId,
      type: "thread.processed",
      audience: "STAFF",
      conversationId: thread.id,
      payload: { conversationId: thread.id, processed, byFirstName: user.firstName, at: at.toISOString() },
    });
    return { changed: true };
  });
  if (result.changed) wake(thread.organizationId);
  return result;
}

export type ProcessedHistoryEntry = { processed: boolean; at: Date; by: string | null };

/** Who processed or reopened the thread, and when, newest first. A null `by` is a teammate's new message. */
export async function processedHistory(user: SessionUser, conversationId: string, take = 20): Promise<ProcessedHistoryEntry[]> {
  requireStaff(user);
  const thread = await requireInboxThread(user, conversationId);
  const rows = await db.processedChange.findMany({
    where: { conversationId: thread.id, organizationId: user.organizationId },
    orderBy: { at: "desc" },
    take,
    select: { processed: true, at: true, byId: true },
  });
  const ids = [...new Set(rows.map((r) => r.byId).filter((v): v is string => Boolean(v)))];
  const people = await db.user.findMany({ where: { id: { in: ids }, organizationId: user.organizationId }, select: { id: true, firstName: true, lastName: true } });
  const names = new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  return rows.map((r) => ({ processed: r.processed, at: r.at, by: r.byId ? (names.get(r.byId) ?? null) : null }));
}
