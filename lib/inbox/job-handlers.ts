import "server-only";
import { registerJob } from "@/lib/jobs/registry";
import { BATCH_POST, postBatch } from "./grouped";

export const inboxJobs = [registerJob(BATCH_POST, { run: ({ batchId }, job) => postBatch(batchId, job.signal) })];
