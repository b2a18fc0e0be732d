import { sql, type SqlExec } from "@/lib/db/exec";
import { newId } from "@/lib/db/ids";
import { appendEvent } from "@/lib/realtime/append";

export type ProcessedBy = { id: string; firstName: string; name: string };

/**
 * Sets a thread processed or not, atomically (by null: a teammate's new message reopened it): only a thread not already in that
 * state changes, and then who, when, the history entry and the staff-only event
 * are written. Returns whether anything changed.
 */
export async function recordProcessed(
  tx: SqlExec,
  p: { organizationId: string; conversationId: string; processed: boolean; by: ProcessedBy | null; at?: Date },
): Promise<boolean> {
  const at = p.at ?? new Date();
  const changed = await tx.run(sql`UPDATE "Conversation"
    SET "processed" = ${p.processed}, "processedAt" = ${p.processed ? at : null}, "processedById" = ${p.processed ? (p.by?.id ?? null) : null}
    WHERE "id" = ${p.conversationId} AND "organizationId" = ${p.organizationId} AND "processed" = ${!p.processed}`);
  if (!changed) return false;
  await tx.run(sql`INSERT INTO "ProcessedChange" ("id", "organizationId", "conversationId", "processed", "byId", "at")
    VALUES (${newId()}, ${p.organizationId}, ${p.conversationId}, ${p.processed}, ${p.by?.id ?? null}, ${at})`);
  await appendEvent(
    tx,
    "thread.processed",
    { organizationId: p.organizationId, audience: "STAFF", conversationId: p.conversationId },
    {
      conversationId: p.conversationId,
      processed: p.processed,
      byFirstName: p.by?.firstName ?? null,
      byName: p.by?.name ?? null,
      at: at.toISOString(),
    },
    at,
  );
  return true;
}
