import { z } from "zod";
import { MAX_FILES_PER_MESSAGE } from "@/lib/files/limits";
import { MESSAGE_MAX_LENGTH } from "./limits";

// What every conversation takes (inbox and chat alike): a message, a read position, a page
// further back. Messages are catalogue keys, translated where the result is built
// (lib/api/result.ts). Ids come from the page, not from typing: a bad one means a stale page.

export const conversationIdField = z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest");
export const clientIdField = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "errors.staleRequest");
export const bodyField = z.string().trim().max(MESSAGE_MAX_LENGTH, "errors.messageTooLong");

/** Uploaded files to send with the message: a list, or the ids a form joined with commas. */
export const attachmentIdsField = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
  z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "errors.staleRequest"))
    .max(MAX_FILES_PER_MESSAGE, "errors.file.tooMany")
    .default([]),
);

const id = conversationIdField;
const clientId = clientIdField;
const body = bodyField;
const attachmentIds = attachmentIdsField;

/** "Send a copy by SMS" (staff): a checkbox's "on", or true from the script. */
const smsCopy = z.preprocess((v) => v === "on" || v === "1" || v === "true" || v === true, z.boolean()).optional();
/** "Urgent" (staff): its push goes out in the reader's quiet hours too. */
const urgent = z.preprocess((v) => v === "on" || v === "1" || v === "true" || v === true, z.boolean()).optional();

export const sendMessageSchema = z
  .object({ conversationId: id, body, clientId, attachmentIds, smsCopy, urgent })
  .refine((m) => m.body.length > 0 || m.attachmentIds.length > 0, {
    message: "errors.messageRequired",
    path: ["body"],
  });

export type SendMessageInput = Omit<z.infer<typeof sendMessageSchema>, "attachmentIds" | "smsCopy" | "urgent"> & {
  attachmentIds?: string[];
  smsCopy?: boolean;
  urgent?: boolean;
};

const messageId = z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest");

/** An author's new words for a message they sent (empty only if it carries files: lib/conversations/revise.ts). */
export const editMessageSchema = z.object({ conversationId: id, messageId, body });
/** A message deleted by its author, or by an admin. */
export const deleteMessageSchema = z.object({ conversationId: id, messageId });

/** The page of a thread before a message, for a reader scrolling back. */
export const earlierMessagesSchema = z.object({
  conversationId: id,
  before: z.coerce.number().int().min(1, "errors.staleRequest").max(1_000_000_000, "errors.staleRequest"),
});

export const markReadSchema = z.object({
  conversationId: id,
  seq: z.coerce.number().int().min(0).max(1_000_000_000),
  /** When the page was rendered: a "Mark as unread" after it wins over this read. */
  openedAt: z.iso
    .datetime("errors.staleRequest")
    .transform((v) => new Date(v))
    .optional(),
});

/** Where a conversation opens (a search's result, from its address): a message's seq, a note's id. Anything else: the newest. */
export const openAtSchema = z.object({
  at: z.coerce.number().int().positive().max(2_000_000_000).optional().catch(undefined),
  note: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .catch(undefined),
});
