import { z } from "zod";

// Messages are catalogue keys, translated where the result is built (lib/api/result.ts).
const id = z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest");
const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "errors.staleRequest");
const ids = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v === undefined ? [] : v),
  z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "errors.staleRequest")).max(200, "errors.chat.tooMany"),
);
const CHAT_NAME_MAX = 80;
const name = z.string().trim().max(CHAT_NAME_MAX, "errors.chat.nameTooLong");

/** A public conversation: a department and a name (staff, on the web). */
export const createChannelSchema = z.object({
  departmentId: id.pipe(z.string().min(1, "errors.chat.chooseDepartment")),
  name: name.min(1, "errors.chat.nameRequired"),
  clientId,
});

/** A private conversation: one other person, or a named group of you and 2 or more. */
export const createPrivateSchema = z
  .object({ departmentId: id, name: name.optional().default(""), memberIds: ids, clientId })
  .refine((v) => v.memberIds.length > 0, { message: "errors.chat.chooseRecipients", path: ["memberIds"] })
  .refine((v) => v.memberIds.length < 2 || v.name.length > 0, {
    message: "errors.chat.groupNeedsName",
    path: ["name"],
  });

export const addMembersSchema = z
  .object({ conversationId: id, memberIds: ids })
  .refine((v) => v.memberIds.length > 0, { message: "errors.chat.chooseRecipients", path: ["memberIds"] });

export const conversationSchema = z.object({ conversationId: id });

/** Search of the conversations one can see: up to 100 characters of words. */
export const chatSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
});

export const chatOptionSchema = z.object({
  enabled: z.enum(["true", "false"], "errors.staleRequest").transform((v) => v === "true"),
});

/** The new-conversation page's address: which kind, and the department and group picked so far. */
export const newChatParams = z.object({
  kind: z.enum(["public", "private"]).catch("private").default("private"),
  department: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_-]*$/)
    .optional()
    .catch(undefined),
  group: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_-]*$/)
    .optional()
    .catch(undefined),
});
