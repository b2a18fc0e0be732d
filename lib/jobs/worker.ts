import "server-only";
import {
  claim,
  discard,
  endInterrupted,
  ensureRecurring,
  fail,
  finish,
  onEnqueue,
  renewLease,
  type ClaimedJob,
} from "./queue";
import type { RegisteredJob } from "./registry";
import { log, logRateLimited } from "@/lib/log";
import { metrics } from "@/lib/metrics";

// Each instance runs one worker (started from instrumentation.ts through lib/worker): it
// claims due jobs one at a time and runs them, renewing each one's lease while it runs,
// then looks again every few seconds. Jobs whose last try's worker died are given up here.

const IDLE_MS = 5000;

class LeaseLost extends Error {
  constructor(job: ClaimedJob) {
    super(`Job ${job.kind} ${job.id}: its lease moved to another worker`);
    this.name = "LeaseLost";
  }
}

/** Runs one claimed job with its lease kept; ends it as done, retried or given up. */
async function runOne(job: ClaimedJob, def: RegisteredJob): Promise<void> {
  const parsed = def.schema.safeParse(job.payload);
  if (!parsed.success) {
    log.error(
      { kind: job.kind, jobId: job.id, issue: parsed.error.issues[0]?.message },
      "job ended without running: its payload is refused",
    );
    metrics.jobs.inc({ kind: job.kind, outcome: "given_up" });
    return discard(job, `Malformed payload: ${parsed.error.message}`);
  }
  const lost = new AbortController();
  const renew = async () => {
    if (lost.signal.aborted) return false;
    if (!(await renewLease(job))) lost.abort(new LeaseLost(job));
    return !lost.signal.aborted;
  };
  const keep = setInterval(
    () =>
      void renew().catch((error: unknown) =>
        log.warn({ kind: job.kind, jobId: job.id, err: error }, "job lease not renewed"),
      ),
    job.leaseMs / 3,
  );
  try {
    await def.run(parsed.data, {
      id: job.id,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      signal: lost.signal,
      heartbeat: renew,
    });
    if (lost.signal.aborted) return; // another worker has it now: it is theirs to finish
    await finish(job, undefined, def.everyMs ? new Date(Date.now() + def.everyMs) : undefined);
    metrics.jobs.inc({ kind: job.kind, outcome: "done" });
  } catch (error) {
    if (lost.signal.aborted) return;
    const last = job.attempts >= job.maxAttempts && !def.everyMs;
    log.warn({ kind: job.kind, jobId: job.id, attempt: job.attempts, of: job.maxAttempts, err: error }, "job failed");
    metrics.jobs.inc({ kind: job.kind, outcome: last ? "given_up" : "failed" });
    await fail(job, error, {
      everyMs: def.everyMs,
      giveUp: def.giveUp
        ? (tx) => def.giveUp!(tx, parsed.data, { why: "failed", error: (error as Error).message ?? String(error) })
        : undefined,
    });
  } finally {
    clearInterval(keep);
  }
}

/** Gives up the jobs whose last try was interrupted, then runs due jobs until none is left; returns how many ran. */
export async function runDueJobs(jobs: readonly RegisteredJob[]): Promise<number> {
  const byKind = new Map(jobs.map((j) => [j.kind, j]));
  await endInterrupted(jobs, async (tx, dead) => {
    const def = byKind.get(dead.kind);
    const parsed = def?.schema.safeParse(dead.payload);
    if (def?.giveUp && parsed?.success)
      await def.giveUp(tx, parsed.data, { why: "interrupted", error: "Interrupted on its last try" });
    log.error({ kind: dead.kind, jobId: dead.id }, "job given up: its worker stopped during its last try");
    metrics.jobs.inc({ kind: dead.kind, outcome: "given_up" });
  });
  let ran = 0;
  for (let job: ClaimedJob | null; (job = await claim(jobs)); ran++) await runOne(job, byKind.get(job.kind)!);
  return ran;
}

const g = globalThis as unknown as {
  shiftlineWorker?: NodeJS.Timeout;
  shiftlineWorkerBusy?: boolean;
  shiftlineWorkerTick?: () => void;
};

/**
 * Work queued by this instance starts at once rather than at the next look (other
 * instances still find it within IDLE_MS): a grouped message's copies, an e-mail.
 */
function wakeWorker(): void {
  if (!g.shiftlineWorkerTick || g.shiftlineWorkerBusy) return;
  clearTimeout(g.shiftlineWorker);
  g.shiftlineWorker = setTimeout(g.shiftlineWorkerTick, 0);
}

export function startWorker(jobs: readonly RegisteredJob[]): void {
  if (g.shiftlineWorker) return;
  const tick = async () => {
    g.shiftlineWorkerBusy = true;
    try {
      while (await runDueJobs(jobs)) {
        // jobs queued while these ran are due too
      }
    } catch (error) {
      logRateLimited("jobs.worker", `[jobs] worker: ${(error as Error).message}`); // the database may be down; try again later
    } finally {
      g.shiftlineWorkerBusy = false;
    }
    g.shiftlineWorker = setTimeout(() => void tick(), IDLE_MS);
    g.shiftlineWorker.unref?.();
  };
  g.shiftlineWorkerTick = () => void tick();
  onEnqueue(wakeWorker);
  g.shiftlineWorker = setTimeout(() => {
    Promise.all(jobs.filter((j) => j.everyMs).map((j) => ensureRecurring(j as never)))
      .catch((error: unknown) => log.error({ err: error }, "could not schedule housekeeping"))
      .finally(() => void tick());
  }, 1000);
}
