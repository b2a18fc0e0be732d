import { sql, type SqlExec } from "@/lib/db/exec";
import type { EventAudience } from "@/lib/db/generated/enums";
import { EVENT_AUDIENCES, type EventPayloads, type EventType } from "./event-types";
import { wake } from "./signal";

type Target = { organizationId: string; audience: EventAudience; conversationId?: string | null; userId?: string | null };

/**
 * Appends to the event log inside the caller's transaction, so an event exists
 * exactly when the change it describes does, and wakes the organisation's
 * readers once it commits. Realtime delivery reads this log (lib/realtime/hub.ts).
 */
export async function appendEvent<K extends EventType>(tx: SqlExec, type: K, target: Target, payload: EventPayloads[K], at = new Date()): Promise<void> {
  if (!EVENT_AUDIENCES[type].includes(target.audience)) throw new Error(`Event ${type} may not go to ${target.audience}`);
  if (target.audience === "USER" && !target.userId) throw new Error(`Event ${type} for USER needs a userId`);
  // The organisation's next sequence number: its row stays locked until this transaction
  // commits, so an organisation's events become visible in sequence order.
  const org = await tx.get<{ eventSeq: number | string }>(
    sql`UPDATE "Organization" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = ${target.organizationId} RETURNING "eventSeq"`,
  );
  if (!org) throw new Error(`No organisation ${target.organizationId}`);
  const json = JSON.stringify(payload);
  await tx.run(sql`INSERT INTO "Event" ("organizationId", "seq", "type", "audience", "conversationId", "userId", "payload", "createdAt")
    VALUES (${target.organizationId}, ${Number(org.eventSeq)}, ${type}, ${target.audience}, ${target.conversationId ?? null}, ${target.userId ?? null},
      ${tx.dialect === "postgres" ? sql`CAST(${json} AS JSONB)` : json}, ${at})`);
  // Other instances hear of it when this commits (PostgreSQL delivers a notification with the commit).
  if (tx.dialect === "postgres") await tx.run(sql`SELECT pg_notify('shiftline_events', ${target.organizationId})`);
  tx.afterCommit(() => wake(target.organizationId));
}
