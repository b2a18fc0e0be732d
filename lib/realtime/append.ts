import { sql, type Sql, type SqlExec } from "@/lib/db/exec";
import type { EventAudience } from "@/lib/db/generated/enums";
import { EVENT_AUDIENCES, type EventPayloads, type EventType } from "./event-types";
import { wake } from "./signal";

type Target = { organizationId: string; audience: EventAudience; conversationId?: string | null; userId?: string | null; departmentId?: string | null };

/**
 * Appends to the event log inside the caller's transaction, so an event exists
 * exactly when the change it describes does, and wakes the organisation's
 * readers once it commits. Realtime delivery reads this log (lib/realtime/hub.ts).
 */
export async function appendEvent<K extends EventType>(tx: SqlExec, type: K, target: Target, payload: EventPayloads[K], at = new Date()): Promise<void> {
  if (!EVENT_AUDIENCES[type].includes(target.audience)) throw new Error(`Event ${type} may not go to ${target.audience}`);
  if (target.audience === "USER" && !target.userId) throw new Error(`Event ${type} for USER needs a userId`);
  // The organisation's next sequence number: its row stays locked until this transaction
  // commits, so an organisation's events become visible in sequence order. On PostgreSQL
  // one statement also notifies the other instances, delivered with the commit.
  const json = JSON.stringify(payload);
  const columns = sql`"organizationId", "seq", "type", "audience", "conversationId", "userId", "departmentId", "payload", "createdAt"`;
  const values = (seq: Sql) =>
    sql`${target.organizationId}, ${seq}, ${type}, ${target.audience}, ${target.conversationId ?? null}, ${target.userId ?? null}, ${target.departmentId ?? null}, ${tx.dialect === "postgres" ? sql`CAST(${json} AS JSONB)` : json}, ${at}`;
  if (tx.dialect === "postgres") {
    const stored = await tx.get(sql`WITH s AS (UPDATE "Organization" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = ${target.organizationId} RETURNING "eventSeq")
      INSERT INTO "Event" (${columns}) SELECT ${values(sql`s."eventSeq"`)} FROM s, (SELECT pg_notify('shiftline_events', ${target.organizationId})) n RETURNING "seq"`);
    if (!stored) throw new Error(`No organisation ${target.organizationId}`);
  } else {
    const org = await tx.get<{ eventSeq: number }>(
      sql`UPDATE "Organization" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = ${target.organizationId} RETURNING "eventSeq"`,
    );
    if (!org) throw new Error(`No organisation ${target.organizationId}`);
    await tx.run(sql`INSERT INTO "Event" (${columns}) VALUES (${values(sql`${Number(org.eventSeq)}`)})`);
  }
  tx.afterCommit(() => wake(target.organizationId));
}
