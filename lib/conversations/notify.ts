import { z } from "zod";
import { sql, type SqlExec } from "@/lib/db/exec";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { jobKind } from "@/lib/jobs/kind";

// A message someone wrote is stored: its readers are told outside the app too, from the
// background queue. The job is written with the message, so it exists if and only if the
// message was stored. The core queues it; the area that reaches devices (lib/push)
// registers what runs it, as the job registry does for every area. No server-only import:
// the seed writes messages too.

export const MESSAGE_NOTIFY = jobKind("message.notify", z.object({ messageId: z.string().min(1) }), { maxAttempts: 3 });

// None at all while nobody in the organisation has a device that accepted notifications.
export const anyDevice = (organizationId: string) =>
  sql`EXISTS (SELECT 1 FROM "PushSubscription" WHERE "organizationId" = ${organizationId})`;

export async function notifyReaders(tx: SqlExec, organizationId: string, messageId: string): Promise<void> {
  await enqueueIn(tx, MESSAGE_NOTIFY, { messageId }, { organizationId, onlyIf: anyDevice(organizationId) });
}
