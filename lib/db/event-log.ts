import { json, sql, type Sql, type SqlExec } from "./exec";

// The one statement of the event log that differs by database. Each organisation's events
// take the next number of its own sequence (Organization.eventSeq), whose row stays locked
// until the transaction commits, so an organisation's events become visible in sequence
// order. On PostgreSQL one statement also notifies the other instances (delivered with the
// commit); SQLite has one process, woken by lib/realtime/signal.ts.
// On PostgreSQL's hot path the event is written with the COMMIT, in one round trip: the
// sequence's row is then locked only while the server commits. Written earlier, it stayed
// locked until the app sent COMMIT, so a send that waited on a busy Node process (streams
// being written to) held up every other write of its organisation.

export type EventRow = {
  organizationId: string;
  type: string;
  audience: string;
  conversationId: string | null;
  userId: string | null;
  departmentId: string | null;
  payload: unknown;
  at: Date;
};

const COLUMNS = sql`"organizationId", "seq", "type", "audience", "conversationId", "userId", "departmentId", "payload", "createdAt"`;

/**
 * Appends one event in the caller's transaction; false when its organisation does not exist
 * (written with the commit, the commit fails instead).
 */
export async function insertEvent(tx: SqlExec, e: EventRow): Promise<boolean> {
  const values = (seq: Sql) =>
    sql`${e.organizationId}, ${seq}, ${e.type}, ${e.audience}, ${e.conversationId}, ${e.userId}, ${e.departmentId}, ${json(tx, e.payload)}, ${e.at}`;
  const nextSeq = sql`WITH s AS (UPDATE "Organization" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = ${e.organizationId} RETURNING "eventSeq")`;
  if (tx.dialect === "postgres" && tx.withCommit) {
    // No organisation: no sequence number, and the NOT NULL "seq" fails the commit.
    tx.withCommit(sql`${nextSeq} INSERT INTO "Event" (${COLUMNS}) VALUES (${values(sql`(SELECT "eventSeq" FROM s)`)})`);
    tx.withCommit(sql`SELECT pg_notify('shiftline_events', ${e.organizationId})`);
    return true;
  }
  if (tx.dialect === "postgres") {
    const stored = await tx.get(
      sql`${nextSeq}
      INSERT INTO "Event" (${COLUMNS}) SELECT ${values(sql`s."eventSeq"`)} FROM s, (SELECT pg_notify('shiftline_events', ${e.organizationId})) n RETURNING "seq"`,
      { seq: "int" },
    );
    return stored !== undefined;
  }
  const org = await tx.get(
    sql`UPDATE "Organization" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = ${e.organizationId} RETURNING "eventSeq"`,
    {
      eventSeq: "int",
    },
  );
  if (!org) return false;
  await tx.run(sql`INSERT INTO "Event" (${COLUMNS}) VALUES (${values(sql`${org.eventSeq}`)})`);
  return true;
}
