import { z } from "zod";

/** Resume position: the Last-Event-ID header of a reconnecting EventSource, or ?after= of a fresh page. */
export const resumeSchema = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** A browser tab's presence signal: the inbox thread it has open (or none), and what is typed there. */
export const presenceSchema = z.object({
  tab: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  conversationId: z.string().min(1).max(64).nullable(),
  typing: z.enum(["reply", "note"]).nullable().default(null),
});
