import { sql, type SqlExec } from "@/lib/db/exec";
import { enqueueIn } from "@/lib/jobs/enqueue-in";

export const PUSH_MESSAGE_JOB = "push.message";
export const PUSH_CHANNEL_JOB = "push.channel";
export const PUSH_DEVICE_JOB = "push.device";

// In the writer's transaction, so a push is queued if and only if the message was stored;
// none at all while nobody in the organisation has a device that accepted push.
const anyDevice = (organizationId: string) => sql`EXISTS (SELECT 1 FROM "PushSubscription" WHERE "organizationId" = ${organizationId})`;

export async function enqueuePush(tx: SqlExec, organizationId: string, messageId: string): Promise<void> {
  await enqueueIn(tx, PUSH_MESSAGE_JOB, { messageId }, { onlyIf: anyDevice(organizationId), maxAttempts: 3 });
}

export async function enqueueChannelPush(tx: SqlExec, organizationId: string, conversationId: string): Promise<void> {
  await enqueueIn(tx, PUSH_CHANNEL_JOB, { conversationId }, { onlyIf: anyDevice(organizationId), maxAttempts: 3 });
}
