import { z } from "zod";

const id = (what: string) => z.string().trim().min(1, `Missing ${what}.`).max(64, `Invalid ${what}.`);
const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "Invalid request id; reload the page and try again.");
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(true)])
  .optional()
  .transform((v) => v !== undefined);

export const askAboutShiftSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("SHIFT_QUESTION"),
    shiftId: id("shift"),
    body: z.string().trim().min(1, "Write your question.").max(2000, "Questions are limited to 2,000 characters."),
    clientId,
  }),
  z.object({
    kind: z.literal("UNAVAILABILITY_REPORT"),
    shiftId: id("shift"),
    body: z.string().trim().max(500, "The reason is limited to 500 characters.").optional().default(""),
    clientId,
  }),
]);
export type AskAboutShiftInput = z.infer<typeof askAboutShiftSchema>;

export const deleteAssignmentSchema = z.object({
  messageId: id("message"),
  markUnavailable: checkbox,
});

// <input type="datetime-local"> sends "2026-11-16T06:00"; read in the organisation's time zone by the caller.
const localDateTime = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, `Enter the ${label} date and time.`);

export const unavailabilitySchema = z
  .object({
    id: id("period").optional(),
    userId: id("teammate"),
    startsAt: localDateTime("start"),
    endsAt: localDateTime("end"),
    reason: z.string().trim().max(500, "The reason is limited to 500 characters.").optional().default(""),
  })
  .refine((v) => v.endsAt > v.startsAt, { message: "The end must be after the start.", path: ["endsAt"] });
export type UnavailabilityInput = z.infer<typeof unavailabilitySchema>;

export const removeUnavailabilitySchema = z.object({ id: id("period") });

export const assignmentSchema = z.object({ shiftId: id("shift"), userId: id("teammate") });

/** A week, as the Monday that starts it: ?week=2026-11-16. Malformed values mean this week. */
export const weekSchema = z.object({
  week: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});
