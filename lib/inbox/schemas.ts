import { z } from "zod";

import { MESSAGE_MAX_LENGTH } from "./limits";

export { MESSAGE_MAX_LENGTH };

// Messages are catalogue keys, translated where the result is built (lib/api/result.ts).
// Ids come from the page, not from typing: a bad one means a stale page.
const id = z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest");

export const sendMessageSchema = z.object({
  conversationId: id,
  body: z.string().trim().min(1, "errors.messageRequired").max(MESSAGE_MAX_LENGTH, "errors.messageTooLong"),
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "errors.staleRequest"),
});

export type SendMessageInput = z.infer<typeof sendMessageSchema>;

export const setProcessedSchema = z.object({
  conversationId: id,
  processed: z.enum(["true", "false"], "errors.chooseProcessed").transform((v) => v === "true"),
});

export const markUnreadSchema = z.object({
  conversationId: id,
  // Unread from this message on; without it, from the teammate's last message.
  fromSeq: z.coerce.number().int().min(1).max(1_000_000_000).optional(),
  /** The list's search, sort and filters ("?sort=name&city=lyon"), kept when going back to it. */
  list: z
    .string()
    .max(2000)
    .regex(/^\?[^#\\]*$/)
    .optional()
    .catch(undefined),
});

export const addNoteSchema = sendMessageSchema;

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

export const CONTACT_SORTS = ["latest", "received", "name", "unprocessed"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

const optionalId = z
  .string()
  .trim()
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
  .optional()
  .catch(undefined);
const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);
const flag = z
  .enum(["1"])
  .optional()
  .catch(undefined)
  .transform((v) => v === "1");

/**
 * The contact list's sort and filters, read from the URL so a view can be
 * bookmarked and shared. Unknown or malformed values are ignored, never an error page.
 */
export const contactFiltersSchema = z.object({
  sort: z.enum(CONTACT_SORTS).catch("latest").default("latest"),
  q: optionalText,
  skill: optionalId,
  activity: optionalId,
  department: optionalId,
  tag: optionalId,
  city: optionalText,
  postcode: optionalText,
  waiting: flag,
  unread: flag,
  processed: z.enum(["yes", "no"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type ContactFilters = z.infer<typeof contactFiltersSchema>;

/** A live update of some rows of the contact list, in the view the page shows. */
export const contactRowsSchema = contactFiltersSchema.extend({
  ids: z
    .string()
    .max(64 * 101)
    .transform((v) => v.split(",").filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "errors.staleRequest")).max(100, "errors.tooManyRows")),
  /** "1": also count the view (its filters depend on read or processed state). */
  count: flag,
});
