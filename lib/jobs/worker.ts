import "server-only";
import { claim, enqueue, fail, finish, type ClaimedJob } from "./queue";
import { pruneEvents, pruneRevokedSessions } from "./prune";

// Each instance runs one worker (started from instrumentation.ts): it claims due
// jobs one at a time and runs them, then looks again every few seconds.

type Handler = (payload: unknown) => Promise<{ again?: Date } | void>;

const HOUR = 3600_000;
const HANDLERS: Record<string, Handler> = {
  // Hourly housekeeping: old events, and signed-out sessions past their expiry.
  "events.prune": async () => {
    await pruneEvents();
    await pruneRevokedSessions();
    return { again: new Date(Date.now() + HOUR) };
  },
};

const IDLE_MS = 5000;

/** Runs due jobs until none is left; returns how many ran. */
export async function runDueJobs(handlers = HANDLERS): Promise<number> {
  let ran = 0;
  for (let job: ClaimedJob | null; (job = await claim(Object.keys(handlers))); ran++) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for jobs of kind ${job.kind}`);
      const outcome = await handler(job.payload);
      await finish(job, undefined, outcome?.again);
    } catch (error) {
      console.error(`[jobs] ${job.kind} ${job.id} failed (attempt ${job.attempts}/${job.maxAttempts}):`, (error as Error).message);
      await fail(job, error);
    }
  }
  return ran;
}

const g = globalThis as unknown as { shiftlineWorker?: NodeJS.Timeout };

export function startWorker(): void {
  if (g.shiftlineWorker) return;
  const tick = async () => {
    try {
      await runDueJobs();
    } catch (error) {
      console.error("[jobs] worker:", (error as Error).message); // the database may be down; try again later
    }
    g.shiftlineWorker = setTimeout(() => void tick(), IDLE_MS);
    g.shiftlineWorker.unref?.();
  };
  g.shiftlineWorker = setTimeout(() => {
    enqueue("events.prune", {}, { key: "events.prune" })
      .catch((error: unknown) => console.error("[jobs] could not schedule pruning:", (error as Error).message))
      .finally(() => void tick());
  }, 1000);
}
