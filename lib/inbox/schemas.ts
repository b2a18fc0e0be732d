import { z } from "zod";
import { isCalendarDay } from "@/lib/text/time";
import { attachmentIdsField, bodyField, clientIdField, conversationIdField } from "@/lib/conversations/schemas";

// Messages are catalogue keys, translated where the result is built (lib/api/result.ts).
const id = conversationIdField;
const clientId = clientIdField;
const body = bodyField;
const attachmentIds = attachmentIdsField;

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

/** Give a thread to a manager (their id), or to no one (empty). */
export const assignThreadSchema = z.object({
  conversationId: id,
  assigneeId: z
    .string("errors.assigneeNotStaff")
    .trim()
    .max(64, "errors.assigneeNotStaff")
    .regex(/^[A-Za-z0-9_-]*$/, "errors.assigneeNotStaff")
    .transform((v) => v || null),
});

// Private notes are text only: a file in a note would be one more way for staff-only words to travel.
export const addNoteSchema = z.object({ conversationId: id, body: body.min(1, "errors.messageRequired"), clientId });
export type AddNoteInput = z.infer<typeof addNoteSchema>;

const CONTACT_SORTS = ["latest", "received", "name", "unprocessed"] as const;
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
  /** Whose threads: this manager's own, or no one's. */
  owner: z.enum(["mine", "unassigned"]).optional().catch(undefined),
  /** From the schedule, in the organisation's time zone: on a shift today, tomorrow, or on none this week. */
  scheduled: z.enum(["today", "tomorrow", "notThisWeek"]).optional().catch(undefined),
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

/**
 * A grouped message from the compose page: the list's filters (everyone matching), or
 * the teammates left ticked when the sender narrowed the list.
 */
export const sendGroupedSchema = contactFiltersSchema.extend({
  body: body.min(1, "errors.messageRequired"),
  clientId,
  attachmentIds,
  smsCopy: z
    .enum(["on", "1", "true"])
    .optional()
    .transform((v) => Boolean(v)),
  urgent: z
    .enum(["on", "1", "true"])
    .optional()
    .transform((v) => Boolean(v)),
  /** Each copy asks its reader to confirm they read it. */
  askConfirm: z
    .enum(["on", "1", "true"])
    .optional()
    .transform((v) => Boolean(v)),
  /** Sent again by SMS to the eligible ones still unread after this many minutes (empty: no follow-up). */
  followUpMinutes: z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : v),
    z.coerce
      .number({ message: "errors.grouped.followUp" })
      .int("errors.grouped.followUp")
      .min(5, "errors.grouped.followUp")
      .max(1440, "errors.grouped.followUp")
      .nullable(),
  ),
  /** Send later: the organisation's wall-clock time ("2026-12-07T07:00"); empty: now. */
  sendAt: z
    .string()
    .trim()
    .max(16, "errors.scheduled.timeRequired")
    .optional()
    .transform((v) => v || undefined),
  /** "pick": only the ticked `to` teammates; otherwise everyone matching the filters. */
  mode: z.enum(["all", "pick"]).catch("all").default("all"),
  to: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
    z
      .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "errors.staleRequest"))
      .max(5000, "errors.grouped.tooMany")
      .default([]),
  ),
});

const searchDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.search.badDay")
  .refine(isCalendarDay, "errors.search.badDay")
  .optional()
  .or(z.literal("").transform(() => undefined));

/**
 * A search of messages (GET, from the search page's form): words and "phrases", where,
 * by whom, between which days (the organisation's), which order, which page.
 */
export const searchSchema = z
  .object({
    q: z.string().trim().max(200, "errors.search.tooLong").default(""),
    order: z.enum(["newest", "best"]).catch("newest").default("newest"),
    /** One conversation (a thread, a chat). */
    in: z
      .string()
      .trim()
      .max(64, "errors.staleRequest")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** "me", "teammate", "staff", or a manager's id (staff's search). */
    author: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{0,64}$/, "errors.staleRequest")
      .optional()
      .transform((v) => v || undefined),
    from: searchDay,
    to: searchDay,
    page: z.coerce.number().int().min(1).max(50).catch(1).default(1),
  })
  .refine((s) => !s.from || !s.to || s.from <= s.to, { message: "errors.search.toBeforeFrom", path: ["to"] });
export type SearchInput = z.infer<typeof searchSchema>;

const checkbox = z
  .enum(["on", "1", "true"])
  .optional()
  .transform((v) => Boolean(v));
const wallClock = z.string().trim().min(1, "errors.scheduled.timeRequired").max(16, "errors.scheduled.timeRequired");

/** A thread's message to send later (the composer's form, "Send later"). */
export const scheduleMessageSchema = z.object({
  conversationId: conversationIdField,
  body: bodyField.min(1, "errors.messageRequired"),
  clientId: clientIdField,
  /** The organisation's wall-clock time, "2026-12-07T07:00". */
  sendAt: wallClock,
  smsCopy: checkbox,
  urgent: checkbox,
});
export type ScheduleMessageInput = z.infer<typeof scheduleMessageSchema>;

export const editScheduledSchema = z.object({
  id: conversationIdField,
  body: bodyField.min(1, "errors.messageRequired"),
  sendAt: wallClock,
});
export type EditScheduledInput = z.infer<typeof editScheduledSchema>;

export const cancelScheduledSchema = z.object({ id: conversationIdField });

/** Remind, in one click, those who have not read (or confirmed) a grouped message; `sms`: by SMS too where allowed. */
export const remindBatchSchema = z.object({
  batchId: z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest"),
  sms: z
    .enum(["on", "1", "true"])
    .optional()
    .transform((v) => Boolean(v)),
});

/** The teammate confirms they read a grouped message's copy. */
export const confirmMessageSchema = z.object({
  conversationId: z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest"),
  messageId: z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest"),
});
