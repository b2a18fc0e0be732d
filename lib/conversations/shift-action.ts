import type { Translate } from "@/lib/i18n/text";
import { formatDateTime } from "@/lib/text/format";
import type { ShiftAction } from "@/lib/realtime/event-types";

// What staff did about a shift question, stored as data (Message.action) and put into
// words where it is read, in the reader's language and the organisation's time zone.
// Shared by server pages and the live shift card (pure, no server imports, no zod: it
// ships to the browser).

export type { ShiftAction };

const isDate = (v: unknown) => typeof v === "string" && !Number.isNaN(Date.parse(v));
const isPeriod = (v: unknown) => {
  const p = v as { startsAt?: unknown; endsAt?: unknown; reason?: unknown } | null;
  return (
    Boolean(p) && isDate(p!.startsAt) && isDate(p!.endsAt) && (p!.reason === null || typeof p!.reason === "string")
  );
};

/** The stored JSON as a ShiftAction; anything else (null, a malformed record) as null. */
export function readShiftAction(json: unknown): ShiftAction | null {
  const a = json as Record<string, unknown> | null;
  if (!a || typeof a !== "object") return null;
  if (a.kind === "legacy") return typeof a.text === "string" ? { kind: "legacy", text: a.text } : null;
  if (a.kind !== "assignmentDeleted" || typeof a.by !== "string" || !isDate(a.at)) return null;
  if (a.unavailable !== "set" && a.unavailable !== "already" && a.unavailable !== "none") return null;
  if (a.period !== undefined && !isPeriod(a.period)) return null;
  return {
    kind: "assignmentDeleted",
    by: a.by,
    at: a.at as string,
    unavailable: a.unavailable,
    ...(a.period ? { period: a.period as { startsAt: string; endsAt: string; reason: string | null } } : {}),
  };
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
    return t("shiftAction.deletedAlreadyUnavailable", {
      ...values,
      period: describePeriod(action.period, timeZone, locale),
    });
  return t("shiftAction.deleted", values);
}
