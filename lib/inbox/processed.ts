import "server-only";
import { db } from "@/lib/db";
import { writeTransaction } from "@/lib/db/sql";
import { requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { recordProcessed } from "@/lib/conversations/processed";
import { requireInboxThread } from "./access";
import { namesById } from "./names";

/**
 * Mark as processed / not processed. Records who and when on the thread and in
 * its history; setting the state it already has changes nothing.
 */
export async function setProcessed(
  user: SessionUser,
  conversationId: string,
  processed: boolean,
): Promise<{ changed: boolean }> {
  requireMessaging(user);
  const thread = await requireInboxThread(user, conversationId);
  const by = { id: user.id, firstName: user.firstName, name: `${user.firstName} ${user.lastName}` };
  const changed = await writeTransaction((ex) =>
    recordProcessed(ex, { organizationId: thread.organizationId, conversationId: thread.id, processed, by }),
  );
  return { changed };
}

export type ProcessedHistoryEntry = { processed: boolean; at: Date; by: string | null };

/** Who processed or reopened the thread, and when, newest first. A null `by` is a teammate's new message. */
export async function processedHistory(
  user: SessionUser,
  conversationId: string,
  take = 20,
): Promise<ProcessedHistoryEntry[]> {
  requireMessaging(user);
  const thread = await requireInboxThread(user, conversationId);
  const rows = await db.processedChange.findMany({
    where: { conversationId: thread.id, organizationId: user.organizationId },
    orderBy: { at: "desc" },
    take,
    select: { processed: true, at: true, byId: true },
  });
  const names = await namesById(
    user,
    rows.map((r) => r.byId).filter((v): v is string => Boolean(v)),
  );
  return rows.map((r) => ({ processed: r.processed, at: r.at, by: r.byId ? (names.get(r.byId) ?? null) : null }));
}
