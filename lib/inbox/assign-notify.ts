import { z } from "zod";
import { sql, type SqlExec } from "@/lib/db/exec";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { jobKind } from "@/lib/jobs/kind";

// A manager was given a thread by someone else: they are told outside the app too. Queued
// with the assignment; lib/push registers what runs it.

export const THREAD_ASSIGNED_NOTIFY = jobKind(
  "thread.assigned.notify",
  z.object({ conversationId: z.string().min(1), assigneeId: z.string().min(1), byId: z.string().min(1) }),
  { maxAttempts: 3 },
);

export async function notifyAssignee(
  tx: SqlExec,
  p: { organizationId: string; conversationId: string; assigneeId: string; byId: string },
): Promise<void> {
  await enqueueIn(
    tx,
    THREAD_ASSIGNED_NOTIFY,
    { conversationId: p.conversationId, assigneeId: p.assigneeId, byId: p.byId },
    {
      organizationId: p.organizationId,
      // No job while the assignee has no device that accepted notifications.
      onlyIf: sql`EXISTS (SELECT 1 FROM "PushSubscription" WHERE "userId" = ${p.assigneeId})`,
    },
  );
}
