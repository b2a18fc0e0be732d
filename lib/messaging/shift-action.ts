import { z } from "zod";
import type { Translate } from "@/lib/i18n/text";
import { formatDateTime } from "@/lib/text/format";

// What staff did about a shift question, stored as data (Message.action) and put into
// words where it is read, in the reader's language and the organisation's time zone.
// Shared by server pages and the live shift card (pure, no server imports).

const iso = z.iso.datetime();
export const shiftActionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("assignmentDeleted"),
    by: z.string(),
    at: iso,
    /** set: an unavailability was added for the shift's slot; already: one covered it. */
    unavailable: z.enum(["set", "already", "none"]),
    period: z.object({ startsAt: iso, endsAt: iso, reason: z.string().nullable() }).optional(),
  }),
  // A sentence stored before actions were data; shown as it is.
  z.object({ kind: z.literal("legacy"), text: z.string() }),
]);
export type ShiftAction = z.infer<typeof shiftActionSchema>;

/** The stored JSON as a ShiftAction; anything else (null, a malformed record) as null. */
export function readShiftAction(json: unknown): ShiftAction | null {
  const parsed = shiftActionSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

type PeriodLike = { startsAt: Date | string; endsAt: Date | string; reason?: string | null };

/** "16 Nov 2026, 06:00 – 16 Nov 2026, 14:00 (doctor)": an unavailability period. */
export function describePeriod(p: PeriodLike, timeZone: string, locale: string): string {
  const at = (d: Date | string) => formatDateTime(new Date(d), timeZone, locale);
  return `${at(p.startsAt)} – ${at(p.endsAt)}${p.reason ? ` (${p.reason})` : ""}`;
}

export function shiftActionText(action: ShiftAction, t: Translate, timeZone: string, locale: string): string {
  if (action.kind === "legacy") return action.text;
  const values = { name: action.by, date: formatDateTime(new Date(action.at), timeZone, locale) };
  if (action.unavailable === "set") return t("shiftAction.deletedSetUnavailable", values);
  if (action.unavailable === "already" && action.period)
    return t("shiftAction.deletedAlreadyUnavailable", { ...values, period: describePeriod(action.period, timeZone, locale) });
  return t("shiftAction.deleted", values);
}
