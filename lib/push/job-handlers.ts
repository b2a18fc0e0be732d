import "server-only";
import { registerJob } from "@/lib/jobs/registry";
import { PUSH_CHANNEL, PUSH_DEVICE, PUSH_MESSAGE } from "./enqueue";
import { pushForChannel, pushForMessage, pushRetry } from "./notify";

// Each device is pushed at most once per job (lib/push/deliver.ts takeDelivery), whatever
// retries or second claims happen; a long fan-out keeps its lease while it runs.
export const pushJobs = [
  registerJob(PUSH_MESSAGE, { run: ({ messageId }, job) => pushForMessage(messageId, job) }),
  registerJob(PUSH_CHANNEL, { run: ({ conversationId }, job) => pushForChannel(conversationId, job) }),
  registerJob(PUSH_DEVICE, { run: (payload, job) => pushRetry(job, payload) }),
];
