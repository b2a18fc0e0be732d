import "server-only";
import { sql } from "@/lib/db/exec";
import { registerJob } from "@/lib/jobs/registry";
import { BATCH_POST, postBatch, sendGroupedMessage } from "./grouped";
import { SCHEDULED_JOB, sendScheduled } from "./scheduled";
import { sendInboxMessage } from "./send";
import { BATCH_FOLLOW_UP, BATCH_REMIND, followUpBatch, writeReminder } from "./follow-up";

export const inboxJobs = [
  registerJob(BATCH_REMIND, { run: (payload) => writeReminder(payload) }),
  registerJob(BATCH_FOLLOW_UP, { run: ({ batchId }) => followUpBatch(batchId) }),
  registerJob(BATCH_POST, { run: ({ batchId }, job) => postBatch(batchId, job.signal) }),
  registerJob(SCHEDULED_JOB, {
    run: (payload) =>
      sendScheduled(payload, {
        thread: async (user, m) => void (await sendInboxMessage(user, m)),
        grouped: async (user, m) => void (await sendGroupedMessage(user, m)),
      }),
    // Tried and given up: the list says it did not leave.
    giveUp: async (tx, { id }) => {
      await tx.run(
        sql`UPDATE "ScheduledMessage" SET "status" = 'FAILED', "failure" = 'errors.scheduled.notSent' WHERE "id" = ${id} AND "status" IN ('SCHEDULED', 'SENDING')`,
      );
    },
  }),
];
