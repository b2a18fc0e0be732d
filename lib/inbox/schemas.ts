import { z } from "zod";

export const MESSAGE_MAX_LENGTH = 4000;

const id = z.string().trim().min(1, "Missing conversation.").max(64, "Invalid conversation.");

export const sendMessageSchema = z.object({
  conversationId: id,
  body: z
    .string()
    .trim()
    .min(1, "Write a message first.")
    .max(MESSAGE_MAX_LENGTH, `Messages are limited to ${MESSAGE_MAX_LENGTH.toLocaleString("en")} characters.`),
  clientId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, "Invalid message id; reload the page and try again."),
});

export type SendMessageInput = z.infer<typeof sendMessageSchema>;

export const setProcessedSchema = z.object({
  conversationId: id,
  processed: z.enum(["true", "false"], "Choose processed or not processed.").transform((v) => v === "true"),
});

export const markUnreadSchema = z.object({
  conversationId: id,
  // Unread from this message on; without it, from the teammate's last message.
  fromSeq: z.coerce.number().int().min(1).max(1_000_000_000).optional(),
});

export const addNoteSchema = sendMessageSchema;
