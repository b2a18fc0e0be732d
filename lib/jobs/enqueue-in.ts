import { EMPTY_SQL, json, sql, typed, type Sql, type SqlExec } from "@/lib/db/exec";
import { newId } from "@/lib/db/ids";
import type { JobKind } from "./kind";

// The one way to queue a job: inside the transaction that stores what the job is about, so
// it exists if and only if that data was stored (the transactional outbox). A crash between
// a commit and a second "queue it" step cannot lose work, since there is no second step.
// No server-only import here, since the seed and scripts write messages too.

const g = globalThis as unknown as { shiftlineJobWaker?: () => void };

/** Tells this process's worker there is work now (a job added, or retried by an admin). */
export function wakeWorker(): void {
  g.shiftlineJobWaker?.();
}

/** The worker of this process, told when a job is added (lib/jobs/worker.ts). */
export function onEnqueue(wake: () => void): void {
  g.shiftlineJobWaker = wake;
}

/**
 * Adds a job of `kind` in the caller's transaction. The payload is checked against the
 * kind's schema (a wrong one is a bug: it throws, and the transaction rolls back). With
 * `key`, at most one row per key; with `onlyIf`, a condition of the same statement (no row,
 * no job). Returns whether a job was added.
 */
export async function enqueueIn<P>(
  tx: SqlExec,
  kind: JobKind<string, P>,
  payload: P,
  /** `organizationId`: whose data it serves (its admins see it in Settings → System); null for none. */
  opts: { organizationId: string | null; key?: string; runAt?: Date; onlyIf?: Sql },
): Promise<boolean> {
  const now = new Date();
  // Typed parameters: an INSERT … SELECT takes its parameters' types from their casts on PostgreSQL.
  const values = sql`${newId()}, ${kind.kind}, ${json(tx, kind.schema.parse(payload))}, ${typed(tx, opts.key ?? null, "text")},
    ${typed(tx, opts.runAt ?? now, "timestamp")}, ${typed(tx, kind.maxAttempts, "int")}, ${typed(tx, opts.organizationId, "text")},
    ${typed(tx, now, "timestamp")}`;
  const added =
    await tx.run(sql`INSERT INTO "Job" ("id", "kind", "payload", "key", "runAt", "maxAttempts", "organizationId", "createdAt")
    ${opts.onlyIf ? sql`SELECT ${values} WHERE ${opts.onlyIf}` : sql`VALUES (${values})`}
    ${opts.key ? sql`ON CONFLICT ("key") DO NOTHING` : EMPTY_SQL}`);
  if (added > 0 && (!opts.runAt || opts.runAt <= now)) tx.afterCommit(() => g.shiftlineJobWaker?.());
  return added > 0;
}
