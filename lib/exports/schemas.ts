import { z } from "zod";
import { contactFiltersSchema } from "@/lib/inbox/schemas";

/** "Export attachments" from the contact list: the view's filters, as its URL has them, or the contacts picked. */
export const requestExportSchema = contactFiltersSchema.extend({
  pick: z
    .string()
    .max(65 * 5000)
    .optional()
    .transform((v) => (v ? v.split(",").filter(Boolean) : undefined))
    .pipe(
      z
        .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "errors.staleRequest"))
        .max(5000, "errors.grouped.tooMany")
        .optional(),
    ),
});

export const retryExportSchema = z.object({
  exportId: z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest"),
});
