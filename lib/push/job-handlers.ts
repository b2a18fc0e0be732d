import "server-only";
import { registerJob } from "@/lib/jobs/registry";
import { MESSAGE_NOTIFY } from "@/lib/conversations/notify";
import { CHANNEL_NOTIFY } from "@/lib/chat/notify";
import { THREAD_ASSIGNED_NOTIFY } from "@/lib/inbox/assign-notify";
import { NOTE_MENTION_NOTIFY } from "@/lib/inbox/mention-notify";
import { PUSH_DEVICE } from "./enqueue";
import { pushForAssignment, pushForChannel, pushForMention, pushForMessage, pushRetry } from "./notify";

// Push runs the notification jobs other areas queue with their data. Each device is pushed
// at most once per job (lib/push/deliver.ts takeDelivery), whatever retries or second claims
// happen; a long fan-out keeps its lease while it runs.
export const pushJobs = [
  registerJob(MESSAGE_NOTIFY, { run: ({ messageId }, job) => pushForMessage(messageId, job) }),
  registerJob(CHANNEL_NOTIFY, { run: ({ conversationId }, job) => pushForChannel(conversationId, job) }),
  registerJob(THREAD_ASSIGNED_NOTIFY, { run: (payload, job) => pushForAssignment(payload, job) }),
  registerJob(NOTE_MENTION_NOTIFY, { run: (payload, job) => pushForMention(payload, job) }),
  registerJob(PUSH_DEVICE, { run: (payload, job) => pushRetry(job, payload) }),
];
