import { z } from "zod";
import { jobKind } from "@/lib/jobs/kind";

// What a push carries, and one device's own retry. The jobs that start a push are queued by
// the areas whose data they serve (lib/conversations/notify.ts, lib/chat/notify.ts).

export const pushPayloadSchema = z.object({
  title: z.string(),
  body: z.string(),
  url: z.string().startsWith("/"),
  tag: z.string(),
  badge: z.number().int().nonnegative(),
  urgent: z.boolean().optional(),
});

/** One device's own retry, after its push service failed (the others were not held back). */
export const PUSH_DEVICE = jobKind(
  "push.device",
  z.object({ subscriptionId: z.string().min(1), payload: pushPayloadSchema }),
  { maxAttempts: 4 },
);
