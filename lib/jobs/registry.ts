import type { SqlExec } from "@/lib/db/exec";
import type { JobKind } from "./kind";

// A kind of job with the code that runs it. Each area registers its own (lib/<area>/jobs.ts);
// the worker gets the list (lib/worker), so the queue never imports the areas it serves.

type JobContext = {
  id: string;
  /** This try, from 1. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when this worker lost the job's lease (another may run it now): stop at once. */
  signal: AbortSignal;
  /** Renews the lease now (the worker also does every third of it); false once lost. */
  heartbeat(): Promise<boolean>;
};

/** Why a job ended without succeeding: its last try failed, or its worker died on it (a crash, a restart). */
export type Ending = { why: "failed" | "interrupted"; error: string };

export type JobHandler<P> = {
  run(payload: P, job: JobContext): Promise<void>;
  /**
   * Called once when the job is given up, in the transaction that ends it: mark what waited
   * for it as failed, tell the person who asked (an e-mail queued in `tx`), clean up after commit.
   */
  giveUp?(tx: SqlExec, payload: P, ending: Ending): Promise<void>;
  /**
   * An admin retries the given-up job (Settings → System): undo what `giveUp` marked, in the
   * retry's transaction. False: it cannot run again (a reset link that is gone); say so.
   */
  reopen?(tx: SqlExec, payload: P): Promise<boolean>;
};

export type RegisteredJob<K extends string = string, P = unknown> = JobKind<K, P> & JobHandler<P>;

export function registerJob<const K extends string, P>(
  kind: JobKind<K, P>,
  handler: JobHandler<P>,
): RegisteredJob<K, P> {
  return { ...kind, ...handler };
}
