import { z } from "zod";
import { sql, type SqlExec } from "@/lib/db/exec";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { jobKind } from "@/lib/jobs/kind";

// The push jobs' kinds, queued in the writer's transaction, so a push is queued if and only
// if the message was stored. No server-only import: the seed writes messages too.

export const PUSH_MESSAGE = jobKind("push.message", z.object({ messageId: z.string().min(1) }), { maxAttempts: 3 });
export const PUSH_CHANNEL = jobKind("push.channel", z.object({ conversationId: z.string().min(1) }), { maxAttempts: 3 });

export const pushPayloadSchema = z.object({
  title: z.string(),
  body: z.string(),
  url: z.string().startsWith("/"),
  tag: z.string(),
  badge: z.number().int().nonnegative(),
  urgent: z.boolean().optional(),
});

/** One device's own retry, after its push service failed (the others were not held back). */
export const PUSH_DEVICE = jobKind("push.device", z.object({ subscriptionId: z.string().min(1), payload: pushPayloadSchema }), { maxAttempts: 4 });

// None at all while nobody in the organisation has a device that accepted push.
const anyDevice = (organizationId: string) => sql`EXISTS (SELECT 1 FROM "PushSubscription" WHERE "organizationId" = ${organizationId})`;

export async function enqueuePush(tx: SqlExec, organizationId: string, messageId: string): Promise<void> {
  await enqueueIn(tx, PUSH_MESSAGE, { messageId }, { onlyIf: anyDevice(organizationId) });
}

export async function enqueueChannelPush(tx: SqlExec, organizationId: string, conversationId: string): Promise<void> {
  await enqueueIn(tx, PUSH_CHANNEL, { conversationId }, { onlyIf: anyDevice(organizationId) });
}
