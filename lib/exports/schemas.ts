import { z } from "zod";
import { contactFiltersSchema } from "@/lib/inbox/schemas";

/** "Export attachments" from the contact list: the view's filters, as its URL has them. */
export const requestExportSchema = contactFiltersSchema;

export const retryExportSchema = z.object({
  exportId: z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest"),
});
