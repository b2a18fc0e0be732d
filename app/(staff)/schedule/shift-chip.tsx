import { Link } from "@/components/ui/link";
import { TriangleAlert } from "@/components/ui/icons/triangle-alert";
import { UserPlus } from "@/components/ui/icons/user-plus";
import { getLocale, getTranslations } from "next-intl/server";
import type { GridCell, OpenShift } from "@/lib/schedule/week-grid";
import { formatTimeRange } from "@/lib/text/format";
import { Menu } from "@/components/ui/menu";
import { AssignForm } from "./shifts/[shiftId]/assign-forms";

type Shift = GridCell["shifts"][number];

const hours = (s: { startsAt: Date; endsAt: Date }, timeZone: string, locale: string) =>
  formatTimeRange(s.startsAt, s.endsAt, timeZone, locale);

/** A person's shift in the grid: activity and hours, and a warning when it clashes. */
export async function ShiftChip({ shift, timeZone }: { shift: Shift; timeZone: string }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <Link
      href={`/schedule/shifts/${shift.id}`}
      data-testid="shift"
      className={`flex min-h-11 flex-col justify-center rounded-control border px-2 py-1 text-xs leading-snug hover:bg-slate-100 ${shift.conflict ? "border-danger bg-danger-soft" : "border-line bg-surface"}`}
    >
      <span className="flex items-center gap-1 font-medium">
        {shift.conflict ? (
          <>
            <TriangleAlert aria-hidden="true" className="size-3.5 shrink-0 text-red-700" />
            <span className="sr-only">{t("schedule.conflict")}</span>
          </>
        ) : null}
        <span className="truncate">{shift.activity.name}</span>
      </span>
      <span className="text-muted">{hours(shift, timeZone, locale)}</span>
    </Link>
  );
}

/** A shift that still needs people: how many, and a way to assign one of those free then. */
export async function OpenShiftChip({ open, timeZone }: { open: OpenShift; timeZone: string }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const s = open.shift;
  const none = s.assignments.length === 0;
  return (
    <div
      data-testid="open-shift"
      className={`flex items-stretch rounded-control border text-xs leading-snug ${none ? "border-danger bg-danger-soft" : "border-amber-300 bg-amber-50"}`}
    >
      <Link
        href={`/schedule/shifts/${s.id}`}
        data-testid="shift"
        className="flex min-h-11 min-w-0 flex-1 flex-col justify-center px-2 py-1 hover:underline"
      >
        <span className="truncate font-medium">{s.activity.name}</span>
        <span>
          {hours(s, timeZone, locale)} · {s.assignments.length}/{s.needed}
        </span>
        <span className="font-medium">{t("schedule.missing", { count: open.missing })}</span>
      </Link>
      <Menu
        label={t("schedule.assignTo", { shift: `${s.activity.name} ${hours(s, timeZone, locale)}` })}
        trigger={<UserPlus aria-hidden="true" className="size-4" />}
      >
        <div className="p-2">
          {open.candidates.length ? (
            <AssignForm shiftId={s.id} candidates={open.candidates} />
          ) : (
            <p className="text-sm text-muted">{t("schedule.noCandidates")}</p>
          )}
        </div>
      </Menu>
    </div>
  );
}
