import "server-only";
import { randomUUID } from "node:crypto";
import { joinSql, queryAll, skipLocked, sql, typed, writeTransaction, type SqlExec } from "@/lib/db/sql";
import { enqueueIn } from "./enqueue-in";
import type { JobKind } from "./kind";

export { enqueueIn, onEnqueue } from "./enqueue-in";

// The background queue: rows in "Job", claimed one at a time under a lease that the worker
// renews while the job runs. A job whose instance dies is claimed again when its lease ends;
// PostgreSQL's SKIP LOCKED lets instances claim side by side without waiting on each other.
// A job with no try left is given up in one transaction with whatever its area records then.

const WORKER_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

export type ClaimedJob = {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  leaseMs: number;
};

/** A job's state as the queue's watchers name it (metrics, Settings → System): failed, stuck, running or waiting. */
export const jobState = (now: Date) => sql`CASE
  WHEN "failedAt" IS NOT NULL THEN 'failed'
  WHEN "attempts" >= "maxAttempts" THEN 'stuck'
  WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" > ${now} THEN 'running'
  ELSE 'waiting' END`;

const kindIn = (kinds: readonly JobKind[]) =>
  joinSql(
    kinds.map((k) => sql`${k.kind}`),
    ", ",
  );

/** Claims the next due job of these kinds (those this worker can run: an older release leaves newer kinds alone), or null. */
export async function claim(
  kinds: readonly JobKind[],
  worker = WORKER_ID,
  now = new Date(),
): Promise<ClaimedJob | null> {
  if (kinds.length === 0) return null;
  return writeTransaction(async (tx) => {
    // Each kind holds its job for its own lease.
    const until = sql`CASE "kind" ${joinSql(
      kinds.map((k) => sql`WHEN ${k.kind} THEN ${typed(tx, new Date(now.getTime() + k.leaseMs), "timestamp")}`),
      " ",
    )} END`;
    const row = await tx.get(
      sql`
      UPDATE "Job" SET "lockedBy" = ${worker}, "lockedUntil" = ${until}, "attempts" = "attempts" + 1
      WHERE "id" = (
        SELECT "id" FROM "Job"
        WHERE "kind" IN (${kindIn(kinds)}) AND "doneAt" IS NULL AND "runAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}) AND "attempts" < "maxAttempts"
        ORDER BY "runAt" LIMIT 1 ${skipLocked(tx)})
      RETURNING "id", "kind", "payload", "attempts", "maxAttempts"`,
      { id: "text", kind: "text", payload: "json", attempts: "int", maxAttempts: "int" },
    );
    if (!row) return null;
    const leaseMs = kinds.find((k) => k.kind === row.kind)!.leaseMs;
    return { ...row, leaseMs };
  });
}

/** Done; a recurring job (`again`) is rescheduled on its own row instead. Only the lease holder may finish it. */
export async function finish(job: ClaimedJob, worker = WORKER_ID, again?: Date): Promise<boolean> {
  return writeTransaction(async (tx) => {
    const changed = again
      ? await tx.run(sql`UPDATE "Job" SET "runAt" = ${again}, "attempts" = 0, "lockedBy" = NULL, "lockedUntil" = NULL, "lastError" = NULL
          WHERE "id" = ${job.id} AND "lockedBy" = ${worker}`)
      : await tx.run(
          sql`UPDATE "Job" SET "doneAt" = ${new Date()}, "lockedBy" = NULL, "lockedUntil" = NULL WHERE "id" = ${job.id} AND "lockedBy" = ${worker}`,
        );
    return changed === 1;
  });
}

const reason = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 2000);

/**
 * Failed: tried again later, with a growing delay. The last try gives it up: the job ends as
 * failed and `giveUp` runs in the same transaction. A recurring job waits for its next turn.
 */
export async function fail(
  job: ClaimedJob,
  error: unknown,
  opts: { worker?: string; now?: Date; everyMs?: number; giveUp?: (tx: SqlExec) => Promise<void> } = {},
): Promise<void> {
  const { worker = WORKER_ID, now = new Date() } = opts;
  const delay = Math.min(2 ** job.attempts * 1000, 15 * 60_000, opts.everyMs ?? Infinity);
  await writeTransaction(async (tx) => {
    const held = sql`"id" = ${job.id} AND "lockedBy" = ${worker}`;
    if (opts.everyMs || job.attempts < job.maxAttempts) {
      await tx.run(sql`UPDATE "Job" SET "lastError" = ${reason(error)}, "runAt" = ${new Date(now.getTime() + delay)},
        "attempts" = ${opts.everyMs ? sql`0` : sql`"attempts"`}, "lockedBy" = NULL, "lockedUntil" = NULL WHERE ${held}`);
      return;
    }
    const ended =
      await tx.run(sql`UPDATE "Job" SET "lastError" = ${reason(error)}, "doneAt" = ${now}, "failedAt" = ${now},
      "lockedBy" = NULL, "lockedUntil" = NULL WHERE ${held}`);
    if (ended === 1) await opts.giveUp?.(tx);
  });
}

/** A job that cannot be run at all (a payload its kind refuses): ended at once, never tried again. */
export async function discard(job: ClaimedJob, why: string, worker = WORKER_ID, now = new Date()): Promise<void> {
  await writeTransaction((tx) =>
    tx.run(sql`UPDATE "Job" SET "lastError" = ${why.slice(0, 2000)}, "doneAt" = ${now}, "failedAt" = ${now}, "lockedBy" = NULL, "lockedUntil" = NULL
      WHERE "id" = ${job.id} AND "lockedBy" = ${worker}`),
  );
}

/** Keeps a running job's lease; false means another worker has it now (this one must stop). */
export async function renewLease(job: ClaimedJob, worker = WORKER_ID, now = new Date()): Promise<boolean> {
  return writeTransaction(async (tx) => {
    const changed = await tx.run(
      sql`UPDATE "Job" SET "lockedUntil" = ${new Date(now.getTime() + job.leaseMs)} WHERE "id" = ${job.id} AND "lockedBy" = ${worker}`,
    );
    return changed === 1;
  });
}

export type Interrupted = { id: string; kind: string; payload: unknown };

/**
 * Jobs whose last try's worker died (its lease ran out with no try left): ends each as
 * failed, and hands it to `giveUp` in the transaction that ends it. Returns how many.
 */
export async function endInterrupted(
  kinds: readonly JobKind[],
  giveUp: (tx: SqlExec, job: Interrupted) => Promise<void>,
  now = new Date(),
): Promise<number> {
  const once = kinds.filter((k) => !k.everyMs);
  if (once.length === 0) return 0;
  const dead = await queryAll(
    sql`SELECT "id", "kind", "payload", "lastError" FROM "Job"
    WHERE "doneAt" IS NULL AND "attempts" >= "maxAttempts" AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}) AND "kind" IN (${kindIn(once)})
    ORDER BY "runAt" LIMIT 100`,
    { id: "text", kind: "text", payload: "json", lastError: "text?" },
  );
  let ended = 0;
  for (const job of dead) {
    await writeTransaction(async (tx) => {
      const changed =
        await tx.run(sql`UPDATE "Job" SET "doneAt" = ${now}, "failedAt" = ${now}, "lockedBy" = NULL, "lockedUntil" = NULL,
        "lastError" = ${`Interrupted on its last try${job.lastError ? ` (before: ${job.lastError})` : ""}`.slice(0, 2000)}
        WHERE "id" = ${job.id} AND "doneAt" IS NULL AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})`);
      if (changed !== 1) return;
      ended++;
      await giveUp(tx, { id: job.id, kind: job.kind, payload: job.payload });
    });
  }
  return ended;
}

/**
 * A recurring job's one row (housekeeping): the only job queued on its own, since it
 * serves no stored data. Kept if it exists.
 */
export async function ensureRecurring(kind: JobKind<string, Record<string, never>>): Promise<void> {
  // eslint-disable-next-line shiftline/job-with-its-data -- housekeeping: there is no data to write it with
  await writeTransaction((tx) => enqueueIn(tx, kind, {}, { key: kind.kind, organizationId: null }));
}

const DONE_KEPT_MS = 7 * 24 * 3600_000;
const FAILED_KEPT_MS = 30 * 24 * 3600_000;

/** Forgets jobs done a week ago, and failed ones after a month (kept for whoever looks into them). */
export async function pruneJobs(now = new Date()): Promise<number> {
  return writeTransaction((tx) =>
    tx.run(sql`DELETE FROM "Job" WHERE "doneAt" IS NOT NULL AND (
      ("failedAt" IS NULL AND "doneAt" < ${new Date(now.getTime() - DONE_KEPT_MS)}) OR "doneAt" < ${new Date(now.getTime() - FAILED_KEPT_MS)})`),
  );
}
