"use client";

import { Link } from "@/components/ui/link";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import type { ThreadMessage } from "@/lib/inbox/queries";
import { formatShiftTime } from "@/lib/text/format";
import { isoDay, weekStart } from "@/lib/text/time";
import { MessageText } from "./message-text";
import { useContext } from "react";
import { ShiftStaffSlot } from "./shift-staff-slot";

const LABELS = {
  SHIFT_QUESTION: "thread.shiftQuestion",
  UNAVAILABILITY_REPORT: "thread.unavailabilityReported",
} as const;

/** A shift question or unavailability report: the shift, a link to it, and for staff the action on it. */
export function ShiftCard({
  message: m,
  timeZone,
  staff,
  gone = false,
}: {
  message: ThreadMessage;
  timeZone: string;
  staff: boolean;
  gone?: boolean;
}) {
  const shift = m.shift;
  const t = useTranslations();
  const locale = useLocale();
  const staffPart = useContext(ShiftStaffSlot);
  return (
    <div data-testid="shift-card" className="w-80 max-w-full rounded-xl border border-sky-200 bg-sky-50 p-3 text-sm">
      <p className="text-xs font-semibold uppercase tracking-wide text-sky-800">
        {t(m.kind === "UNAVAILABILITY_REPORT" ? LABELS.UNAVAILABILITY_REPORT : LABELS.SHIFT_QUESTION)}
      </p>
      <div className="mt-1">
        <MessageText text={m.body} />
      </div>
      {shift ? (
        <div className="mt-2 rounded-control bg-surface p-2">
          <p className="font-medium">{shift.activity.name}</p>
          <p className="text-slate-600">{formatShiftTime(shift.startsAt, shift.endsAt, timeZone, locale)}</p>
          <p className="text-slate-500">{shift.place}</p>
          {/* Once the teammate is off the shift, staff are offered to fill it; the teammate is told they are off it. */}
          {gone && !staff ? (
            <p className="text-slate-700">{t("thread.noLongerOnShift")}</p>
          ) : (
            <Link
              href={staff ? `/schedule/shifts/${shift.id}` : `/me/schedule?week=${isoDay(weekStart(shift.startsAt))}`}
              className="inline-flex min-h-11 items-center text-accent-ink underline"
            >
              {t(gone ? "thread.findReplacement" : "thread.openShift")}
            </Link>
          )}
        </div>
      ) : (
        <p className="mt-2 text-slate-500">{t("thread.shiftGone")}</p>
      )}
      {staff && staffPart ? staffPart(m, timeZone) : null}
    </div>
  );
}
