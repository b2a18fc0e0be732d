import { z } from "zod";
import { isCalendarDay } from "@/lib/text/time";

// Messages are catalogue keys, translated where the result is built (lib/api/result.ts).

// Ids come from hidden fields and links, not from typing: a bad one means a stale page.
const id = () => z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest");
const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "errors.staleRequest");
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(true)])
  .optional()
  .transform((v) => v !== undefined);

export const askAboutShiftSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("SHIFT_QUESTION"),
    shiftId: id(),
    body: z.string().trim().min(1, "errors.questionRequired").max(2000, "errors.questionTooLong"),
    clientId,
  }),
  z.object({
    kind: z.literal("UNAVAILABILITY_REPORT"),
    shiftId: id(),
    body: z.string().trim().max(500, "errors.reasonTooLong").optional().default(""),
    clientId,
  }),
]);
export type AskAboutShiftInput = z.infer<typeof askAboutShiftSchema>;

export const deleteAssignmentSchema = z.object({
  messageId: id(),
  markUnavailable: checkbox,
});

// <input type="datetime-local"> sends "2026-11-16T06:00"; read in the organisation's time zone by the caller.
const localDateTime = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, message);

export const unavailabilitySchema = z
  .object({
    id: id().optional(),
    userId: id(),
    startsAt: localDateTime("errors.startRequired"),
    endsAt: localDateTime("errors.endRequired"),
    reason: z.string().trim().max(500, "errors.reasonTooLong").optional().default(""),
  })
  .refine((v) => v.endsAt > v.startsAt, { message: "errors.endBeforeStart", path: ["endsAt"] });
export type UnavailabilityInput = z.infer<typeof unavailabilitySchema>;

export const removeUnavailabilitySchema = z.object({ id: id() });

export const assignmentSchema = z.object({ shiftId: id(), userId: id() });

/** A week, as the Monday that starts it: ?week=2026-11-16. Malformed values, and weeks past any schedule (before 1970, after 2199), mean this week. */
export const weekSchema = z.object({
  week: z
    .string()
    .refine((d) => isCalendarDay(d) && d >= "1970-01-01" && d <= "2199-12-31")
    .optional()
    .catch(undefined),
});
