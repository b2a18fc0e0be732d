import { z } from "zod";

/** Resume position: the Last-Event-ID header of a reconnecting EventSource, or ?after= of a fresh page. */
export const resumeSchema = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
