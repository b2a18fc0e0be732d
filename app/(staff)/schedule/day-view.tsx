import { Link } from "@/components/ui/link";
import { ChevronLeft } from "@/components/ui/icons/chevron-left";
import { ChevronRight } from "@/components/ui/icons/chevron-right";
import { getLocale, getTranslations } from "next-intl/server";
import type { buildWeekGrid } from "@/lib/schedule/week-grid";
import { addDays, isoDay } from "@/lib/text/time";
import { Avatar } from "@/components/ui/avatar";
import { EmptyState } from "@/components/ui/empty-state";
import { OpenShiftChip, ShiftChip } from "./shift-chip";
import { IconLink } from "@/components/ui/icon-link";

type Grid = ReturnType<typeof buildWeekGrid>;

/** The schedule on a phone: one day of the week grid, the week's days as a strip, the day before and after a tap away. */
export async function DayView({
  grid,
  day,
  today,
  timeZone,
  dayHref,
}: {
  grid: Grid;
  day: string;
  today: string;
  timeZone: string;
  dayHref: (day: string) => string;
}) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const noon = (d: string) => new Date(`${d}T12:00:00Z`);
  const fmt = (d: string, o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...o, timeZone: "UTC" }).format(noon(d));
  const step = (n: number) => isoDay(addDays(noon(day), n));
  const open = grid.open.filter((o) => o.day === day);
  const working = grid.rows.filter((r) => r.cells[day]!.shifts.length);
  const away = grid.rows.filter((r) => r.cells[day]!.away.length);
  return (
    <div className="pb-4">
      <nav aria-label={t("schedule.days")} className="flex items-center border-b border-line bg-surface px-1">
        <IconLink href={dayHref(step(-1))} label={t("schedule.previousDay")}>
          <ChevronLeft aria-hidden="true" className="size-5" />
        </IconLink>
        <ol className="grid flex-1 grid-cols-7">
          {grid.days.map((d) => (
            <li key={d}>
              <Link
                href={dayHref(d)}
                aria-current={d === day ? "date" : undefined}
                aria-label={fmt(d, { weekday: "long", day: "numeric", month: "long" })}
                className={`flex h-12 min-w-11 flex-col items-center justify-center rounded-control text-xs ${d === day ? "bg-accent font-semibold text-on-accent" : d === today ? "font-semibold text-accent-ink" : "text-muted"}`}
              >
                <span aria-hidden="true">{fmt(d, { weekday: "narrow" })}</span>
                <span aria-hidden="true" className="text-sm">
                  {fmt(d, { day: "numeric" })}
                </span>
              </Link>
            </li>
          ))}
        </ol>
        <IconLink href={dayHref(step(1))} label={t("schedule.nextDay")}>
          <ChevronRight aria-hidden="true" className="size-5" />
        </IconLink>
      </nav>
      <div className="space-y-5 px-4 pt-3">
        <h2 className="font-semibold">
          {fmt(day, { weekday: "long", day: "numeric", month: "long" })}
          {day === today ? (
            <span className="ml-2 text-sm font-medium text-accent-ink">{t("schedule.today")}</span>
          ) : null}
        </h2>
        {open.length ? (
          <DaySection id="day-open" title={t("schedule.openShifts")}>
            <div className="flex flex-col gap-2">
              {open.map((o) => (
                <OpenShiftChip key={o.shift.id} open={o} timeZone={timeZone} />
              ))}
            </div>
          </DaySection>
        ) : null}
        <DaySection id="day-working" title={t("schedule.working")}>
          {working.length === 0 ? <EmptyState title={t("schedule.nobodyWorking")} /> : null}
          <ul className="divide-y divide-line rounded-card border border-line bg-surface">
            {working.map((r) => (
              <li key={r.person.id} className="flex items-start gap-3 px-3 py-2" data-testid="grid-row">
                <Avatar name={`${r.person.firstName} ${r.person.lastName}`} size="sm" />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">
                    {r.person.firstName} {r.person.lastName}
                  </p>
                  <div className="mt-1 flex flex-col gap-1">
                    {r.cells[day]!.shifts.map((s) => (
                      <ShiftChip key={s.id} shift={s} timeZone={timeZone} />
                    ))}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </DaySection>
        {away.length ? (
          <DaySection id="day-away" title={t("schedule.away")}>
            <ul className="away-shade divide-y divide-line rounded-card border border-line">
              {away.map((r) => (
                <li key={r.person.id} className="px-3 py-2 text-sm" data-testid="grid-away">
                  {r.person.firstName} {r.person.lastName}
                  {r.cells[day]!.away[0]!.reason ? (
                    <span className="text-muted"> · {r.cells[day]!.away[0]!.reason}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </DaySection>
        ) : null}
      </div>
    </div>
  );
}

/** One part of the day (open shifts, who works, who is away), under a small heading. */
function DaySection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">
        {title}
      </h3>
      {children}
    </section>
  );
}
