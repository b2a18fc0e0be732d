import "server-only";
import { claim, enqueue, fail, finish, onEnqueue, renewLease, type ClaimedJob } from "./queue";
import { pruneEvents, pruneRevokedSessions } from "./prune";
import { deliverEmail } from "@/lib/email/outbox";
import { EXPORT_JOB, pruneExports, runExportJob } from "@/lib/exports/jobs";
import { pruneWaitingUploads } from "@/lib/files/prune";
import { postBatch } from "@/lib/inbox/grouped";
import { deliverSms } from "@/lib/sms/deliveries";
import { INVITE_JOB, sendImportInvitations } from "@/lib/admin/csv-import";
import { pruneUserTokens } from "@/lib/admin/tokens";
import { pushForChannel, pushForMessage, pushRetry } from "@/lib/push/notify";
import { PUSH_CHANNEL_JOB, PUSH_DEVICE_JOB, PUSH_MESSAGE_JOB } from "@/lib/push/enqueue";

// Each instance runs one worker (started from instrumentation.ts): it claims due
// jobs one at a time and runs them, then looks again every few seconds.

/** `job`: its attempt (the last may end the work for good); `heartbeat`: keeps a long job's lease, false once lost. */
type Handler = (payload: unknown, job: ClaimedJob, heartbeat: () => Promise<boolean>) => Promise<{ again?: Date } | void>;

const HOUR = 3600_000;
const HANDLERS: Record<string, Handler> = {
  // Hourly housekeeping: old events, and signed-out sessions past their expiry.
  "events.prune": async () => {
    await pruneEvents();
    await pruneRevokedSessions();
    await pruneExports();
    await pruneWaitingUploads();
    await pruneUserTokens();
    return { again: new Date(Date.now() + HOUR) };
  },
  "email.send": (payload, job) => deliverEmail(String((payload as { id?: unknown }).id), job.attempts >= job.maxAttempts),
  [EXPORT_JOB]: (payload, job, heartbeat) => runExportJob(payload, job, heartbeat),
  "batch.post": (payload, _job, heartbeat) => postBatch(String((payload as { batchId?: unknown }).batchId), heartbeat),
  [INVITE_JOB]: (payload) => sendImportInvitations(payload),
  [PUSH_MESSAGE_JOB]: (payload) => pushForMessage(String((payload as { messageId?: unknown }).messageId)),
  [PUSH_CHANNEL_JOB]: (payload) => pushForChannel(String((payload as { conversationId?: unknown }).conversationId)),
  [PUSH_DEVICE_JOB]: (payload) => pushRetry(payload),
  "sms.send": (payload, job) => deliverSms(String((payload as { deliveryId?: unknown }).deliveryId), job.attempts >= job.maxAttempts),
};

const IDLE_MS = 5000;

/** Runs due jobs until none is left; returns how many ran. */
export async function runDueJobs(handlers = HANDLERS): Promise<number> {
  let ran = 0;
  for (let job: ClaimedJob | null; (job = await claim(Object.keys(handlers))); ran++) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for jobs of kind ${job.kind}`);
      const claimed = job;
      const outcome = await handler(job.payload, job, () => renewLease(claimed));
      await finish(job, undefined, outcome?.again);
    } catch (error) {
      console.error(`[jobs] ${job.kind} ${job.id} failed (attempt ${job.attempts}/${job.maxAttempts}):`, (error as Error).message);
      await fail(job, error);
    }
  }
  return ran;
}

const g = globalThis as unknown as { shiftlineWorker?: NodeJS.Timeout; shiftlineWorkerBusy?: boolean; shiftlineWorkerTick?: () => void };

/**
 * Work queued by this instance starts at once rather than at the next look (other
 * instances still find it within IDLE_MS): a grouped message's copies, an e-mail.
 */
function wakeWorker(): void {
  if (!g.shiftlineWorkerTick || g.shiftlineWorkerBusy) return;
  clearTimeout(g.shiftlineWorker);
  g.shiftlineWorker = setTimeout(g.shiftlineWorkerTick, 0);
}

export function startWorker(): void {
  if (g.shiftlineWorker) return;
  const tick = async () => {
    g.shiftlineWorkerBusy = true;
    try {
      while (await runDueJobs()) {
        // jobs queued while these ran are due too
      }
    } catch (error) {
      console.error("[jobs] worker:", (error as Error).message); // the database may be down; try again later
    } finally {
      g.shiftlineWorkerBusy = false;
    }
    g.shiftlineWorker = setTimeout(() => void tick(), IDLE_MS);
    g.shiftlineWorker.unref?.();
  };
  g.shiftlineWorkerTick = () => void tick();
  onEnqueue(wakeWorker);
  g.shiftlineWorker = setTimeout(() => {
    enqueue("events.prune", {}, { key: "events.prune" })
      .catch((error: unknown) => console.error("[jobs] could not schedule pruning:", (error as Error).message))
      .finally(() => void tick());
  }, 1000);
}
