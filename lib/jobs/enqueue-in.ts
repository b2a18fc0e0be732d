import { EMPTY_SQL, sql, type Sql, type SqlExec } from "@/lib/db/exec";
import { newId } from "@/lib/db/ids";

// Adding a job inside a transaction that is already open (postMessage's): no server-only
// import here, since the seed and scripts write messages too.

const g = globalThis as unknown as { shiftlineJobWaker?: () => void };

/** The worker of this process, told when a job is added (lib/jobs/worker.ts). */
export function onEnqueue(wake: () => void): void {
  g.shiftlineJobWaker = wake;
}

/**
 * Adds a job in the caller's transaction: it exists if and only if what it is about was
 * stored. With `onlyIf`, a condition of the same statement (no row, no job).
 */
export async function enqueueIn(
  tx: SqlExec,
  kind: string,
  payload: object,
  opts: { key?: string; runAt?: Date; maxAttempts?: number; onlyIf?: Sql } = {},
): Promise<boolean> {
  const now = new Date();
  const json = JSON.stringify(payload);
  const pg = tx.dialect === "postgres";
  // PostgreSQL types a SELECT's parameters from their casts, not from the columns they fill.
  const at = (d: Date) => (pg ? sql`CAST(${d} AS TIMESTAMP(3))` : sql`${d}`);
  const values = sql`${newId()}, ${kind}, ${pg ? sql`CAST(${json} AS JSONB)` : json}, ${pg ? sql`CAST(${opts.key ?? null} AS TEXT)` : (opts.key ?? null)},
    ${at(opts.runAt ?? now)}, ${pg ? sql`CAST(${opts.maxAttempts ?? 5} AS INTEGER)` : (opts.maxAttempts ?? 5)}, ${at(now)}`;
  const added = await tx.run(sql`INSERT INTO "Job" ("id", "kind", "payload", "key", "runAt", "maxAttempts", "createdAt")
    ${opts.onlyIf ? sql`SELECT ${values} WHERE ${opts.onlyIf}` : sql`VALUES (${values})`}
    ${opts.key ? sql`ON CONFLICT ("key") DO NOTHING` : EMPTY_SQL}`);
  if (added > 0 && (!opts.runAt || opts.runAt <= now)) tx.afterCommit(() => g.shiftlineJobWaker?.());
  return added > 0;
}
