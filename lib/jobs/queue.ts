import "server-only";
import { randomUUID } from "node:crypto";
import { EMPTY_SQL, joinSql, sql, writeTransaction } from "@/lib/db/sql";
import { enqueueIn } from "./enqueue-in";

export { enqueueIn, onEnqueue } from "./enqueue-in";

// The background queue: rows in "Job", claimed one at a time under a lease. A job
// whose instance dies is claimed again when its lease ends; PostgreSQL's SKIP LOCKED
// lets instances claim side by side without waiting on each other.

export const LEASE_MS = 60_000;
export const WORKER_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

export type ClaimedJob = { id: string; kind: string; payload: unknown; attempts: number; maxAttempts: number };

/** Adds a job; with `key`, at most one row per key (a recurring job keeps its row). */
export async function enqueue(kind: string, payload: object, opts: { key?: string; runAt?: Date; maxAttempts?: number } = {}): Promise<void> {
  await writeTransaction((tx) => enqueueIn(tx, kind, payload, opts));
}

/** Claims the next due job of these kinds (those this worker can run: an older release leaves newer kinds alone), or null. */
export async function claim(kinds: string[], worker = WORKER_ID, now = new Date()): Promise<ClaimedJob | null> {
  if (kinds.length === 0) return null;
  return writeTransaction(async (tx) => {
    const row = await tx.get<{ id: string; kind: string; payload: unknown; attempts: number; maxAttempts: number }>(sql`
      UPDATE "Job" SET "lockedBy" = ${worker}, "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}, "attempts" = "attempts" + 1
      WHERE "id" = (
        SELECT "id" FROM "Job"
        WHERE "kind" IN (${joinSql(
          kinds.map((k) => sql`${k}`),
          ", ",
        )}) AND "doneAt" IS NULL AND "runAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}) AND "attempts" < "maxAttempts"
        ORDER BY "runAt" LIMIT 1 ${tx.dialect === "postgres" ? sql`FOR UPDATE SKIP LOCKED` : EMPTY_SQL})
      RETURNING "id", "kind", CAST("payload" AS TEXT) AS "payload", "attempts", "maxAttempts"`);
    return row ? { ...row, payload: JSON.parse(String(row.payload)), attempts: Number(row.attempts), maxAttempts: Number(row.maxAttempts) } : null;
  });
}

/** Done; a recurring job (`again`) is rescheduled on its own row instead. Only the lease holder may finish it. */
export async function finish(job: ClaimedJob, worker = WORKER_ID, again?: Date): Promise<boolean> {
  return writeTransaction(async (tx) => {
    const changed = again
      ? await tx.run(sql`UPDATE "Job" SET "runAt" = ${again}, "attempts" = 0, "lockedBy" = NULL, "lockedUntil" = NULL, "lastError" = NULL
          WHERE "id" = ${job.id} AND "lockedBy" = ${worker}`)
      : await tx.run(sql`UPDATE "Job" SET "doneAt" = ${new Date()}, "lockedBy" = NULL, "lockedUntil" = NULL WHERE "id" = ${job.id} AND "lockedBy" = ${worker}`);
    return changed === 1;
  });
}

/** Failed: tried again later, with a growing delay, until maxAttempts. */
export async function fail(job: ClaimedJob, error: unknown, worker = WORKER_ID, now = new Date()): Promise<void> {
  const delay = Math.min(2 ** job.attempts * 1000, 15 * 60_000);
  await writeTransaction(async (tx) => {
    await tx.run(sql`UPDATE "Job" SET "lastError" = ${String((error as Error)?.message ?? error).slice(0, 2000)}, "runAt" = ${new Date(now.getTime() + delay)},
      "lockedBy" = NULL, "lockedUntil" = NULL WHERE "id" = ${job.id} AND "lockedBy" = ${worker}`);
  });
}

/** A long job keeps its lease while it works; false means another worker has it now (this one must stop). */
export async function renewLease(job: ClaimedJob, worker = WORKER_ID, now = new Date()): Promise<boolean> {
  return writeTransaction(async (tx) => {
    const changed = await tx.run(sql`UPDATE "Job" SET "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)} WHERE "id" = ${job.id} AND "lockedBy" = ${worker}`);
    return changed === 1;
  });
}
