import "server-only";
import { z } from "zod";
import { jobKind } from "@/lib/jobs/kind";
import { registerJob } from "@/lib/jobs/registry";
import { pruneJobs } from "@/lib/jobs/queue";
import { pruneEvents, pruneRevokedSessions } from "@/lib/jobs/prune";
import { runDueJobs as runJobs, startWorker as start } from "@/lib/jobs/worker";
import { smsJobs } from "@/lib/sms/job-handlers";
import { emailJobs } from "@/lib/email/job-handlers";
import { inboxJobs } from "@/lib/inbox/job-handlers";
import { exportJobs } from "@/lib/exports/job-handlers";
import { adminJobs } from "@/lib/admin/job-handlers";
import { buildAuditExport } from "@/lib/admin/audit-export";
import { pushJobs } from "@/lib/push/job-handlers";
import { pruneExports } from "@/lib/exports/jobs";
import { pruneWaitingUploads } from "@/lib/files/prune";
import { pruneUserTokens } from "@/lib/admin/tokens";
import { pruneResetRequests } from "@/lib/admin/passwords";
import { forgetOldEmailLinks } from "@/lib/email/outbox";
import { pruneInboundSms } from "@/lib/sms/inbound";
import { prunePushDeliveries } from "@/lib/push/deliver";

// The one list of background jobs: each area registers its own kinds and handlers; this is
// the only module that knows them all (the queue in lib/jobs knows none).

const HOUSEKEEPING = jobKind("events.prune", z.object({}).strict(), { maxAttempts: 5, everyMs: 3600_000 });

const housekeeping = registerJob(HOUSEKEEPING, {
  // Hourly: old events, signed-out sessions past their expiry, expired exports, forgotten uploads and links, old jobs.
  run: async () => {
    await pruneEvents();
    await pruneRevokedSessions();
    await pruneExports();
    await pruneWaitingUploads();
    await pruneUserTokens();
    await pruneResetRequests();
    await forgetOldEmailLinks();
    await pruneInboundSms();
    await prunePushDeliveries();
    await pruneJobs();
  },
});

export const JOBS = [
  housekeeping,
  ...smsJobs,
  ...emailJobs,
  ...inboxJobs,
  ...exportJobs({ AUDIT: buildAuditExport }),
  ...adminJobs,
  ...pushJobs,
] as const;

/** Runs what is due now (tests, scripts); returns how many ran. */
export const runDueJobs = () => runJobs(JOBS);

export const startWorker = () => start(JOBS);
