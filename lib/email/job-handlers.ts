import "server-only";
import { registerJob } from "@/lib/jobs/registry";
import { EMAIL_SEND, deliverEmail, giveUpEmail, reopenEmail } from "./outbox";

export const emailJobs = [
  registerJob(EMAIL_SEND, {
    run: ({ id }) => deliverEmail(id),
    giveUp: (tx, { id }, ending) => giveUpEmail(tx, id, ending.error),
    reopen: (tx, { id }) => reopenEmail(tx, id),
  }),
];
