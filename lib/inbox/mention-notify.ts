import { z } from "zod";
import { sql, type SqlExec } from "@/lib/db/exec";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { jobKind } from "@/lib/jobs/kind";

// A private note names a manager: they are told outside the app too. Queued with the note;
// lib/push registers what runs it. Staff only, like the note.

export const NOTE_MENTION_NOTIFY = jobKind(
  "note.mention.notify",
  z.object({ noteId: z.string().min(1), userId: z.string().min(1) }),
  { maxAttempts: 3 },
);

export async function notifyMentioned(
  tx: SqlExec,
  p: { organizationId: string; noteId: string; userId: string },
): Promise<void> {
  await enqueueIn(
    tx,
    NOTE_MENTION_NOTIFY,
    { noteId: p.noteId, userId: p.userId },
    {
      organizationId: p.organizationId,
      onlyIf: sql`EXISTS (SELECT 1 FROM "PushSubscription" WHERE "userId" = ${p.userId})`,
    },
  );
}
