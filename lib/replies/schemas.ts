import { z } from "zod";

const id = z
  .string()
  .trim()
  .min(1, "errors.staleRequest")
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "errors.staleRequest");
// A language left out (a form with one of the two boxes) is no text in that language.
const body = z
  .string()
  .trim()
  .max(4000, "errors.messageTooLong")
  .optional()
  .transform((v) => v || null);

/** A saved reply, new (no id) or edited: a title, and its text in one language or both. */
export const saveReplySchema = z
  .object({
    id: id.optional().or(z.literal("").transform(() => undefined)),
    scope: z.enum(["mine", "shared"], "errors.staleRequest").default("mine"),
    title: z.string().trim().min(1, "errors.replyTitleRequired").max(80, "errors.replyTitleTooLong"),
    bodyEn: body,
    bodyFr: body,
  })
  .refine((r) => r.bodyEn || r.bodyFr, { message: "errors.replyBodyRequired", path: ["bodyEn"] });

export const archiveReplySchema = z.object({
  id,
  archived: z.enum(["true", "false"], "errors.staleRequest").transform((v) => v === "true"),
});

export const moveReplySchema = z.object({ id, direction: z.enum(["up", "down"], "errors.staleRequest") });

export const replyPolicySchema = z.object({
  managersEdit: z.enum(["true", "false"], "errors.staleRequest").transform((v) => v === "true"),
});
