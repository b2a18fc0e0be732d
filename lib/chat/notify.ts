import { z } from "zod";
import type { SqlExec } from "@/lib/db/exec";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { jobKind } from "@/lib/jobs/kind";
import { anyDevice } from "@/lib/conversations/notify";

// A new public conversation: its department's teammates are told outside the app (they join
// by opening it). Queued with the conversation; lib/push registers what runs it.

export const CHANNEL_NOTIFY = jobKind("channel.notify", z.object({ conversationId: z.string().min(1) }), {
  maxAttempts: 3,
});

export async function notifyChannelOpened(tx: SqlExec, organizationId: string, conversationId: string): Promise<void> {
  await enqueueIn(tx, CHANNEL_NOTIFY, { conversationId }, { organizationId, onlyIf: anyDevice(organizationId) });
}
