import { getLocale, getTranslations } from "next-intl/server";
import type { buildWeekGrid } from "@/lib/schedule/week-grid";
import { Avatar } from "@/components/ui/avatar";
import { OpenShiftChip, ShiftChip } from "./shift-chip";

type Grid = ReturnType<typeof buildWeekGrid>;

const dayLabel = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );

/** The week as people by day (from 1024 px): open shifts on top, each person's shifts and absences below. */
export async function WeekGrid({ grid, today, timeZone }: { grid: Grid; today: string; timeZone: string }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const cell = "border-b border-l border-line p-1 align-top";
  return (
    <table className="w-full table-fixed border-separate border-spacing-0 text-sm" data-testid="week-grid">
      <thead className="sticky top-0 z-10 bg-surface">
        <tr>
          <th scope="col" className="w-48 border-b border-line px-3 py-2 text-left text-xs font-medium text-muted">
            {t("schedule.teammate")}
          </th>
          {grid.days.map((d) => (
            <th
              key={d}
              scope="col"
              aria-current={d === today ? "date" : undefined}
              className={`border-b border-l border-line px-2 py-2 text-left text-xs font-medium ${d === today ? "bg-accent-soft text-accent-ink" : "text-muted"}`}
            >
              {dayLabel(d, locale)}
              {d === today ? <span className="ml-1 font-semibold">· {t("schedule.today")}</span> : null}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr data-testid="grid-open">
          <th scope="row" className="border-b border-line bg-canvas px-3 py-2 text-left text-xs font-semibold">
            {t("schedule.openShifts")}
          </th>
          {grid.days.map((d) => (
            <td key={d} className={`${cell} bg-canvas ${d === today ? "bg-accent-soft/40" : ""}`}>
              <div className="flex flex-col gap-1">
                {grid.open
                  .filter((o) => o.day === d)
                  .map((o) => (
                    <OpenShiftChip key={o.shift.id} open={o} timeZone={timeZone} />
                  ))}
              </div>
            </td>
          ))}
        </tr>
        {grid.rows.map((row) => (
          <tr key={row.person.id} data-testid="grid-row">
            <th scope="row" className="border-b border-line px-3 py-1 text-left font-normal">
              <span className="flex items-center gap-2">
                <Avatar name={`${row.person.firstName} ${row.person.lastName}`} size="sm" />
                <span className="truncate">
                  {row.person.firstName} {row.person.lastName}
                </span>
              </span>
            </th>
            {grid.days.map((d) => {
              const c = row.cells[d]!;
              return (
                <td
                  key={d}
                  className={`${cell} ${c.away.length ? "away-shade" : d === today ? "bg-accent-soft/40" : ""}`}
                  title={c.away.length ? c.away.map((a) => a.reason ?? t("schedule.away")).join(", ") : undefined}
                >
                  <div className="flex flex-col gap-1">
                    {c.away.length ? (
                      <span className="px-1 text-xs text-muted" data-testid="grid-away">
                        {t("schedule.away")}
                        {c.away[0]!.reason ? ` · ${c.away[0]!.reason}` : ""}
                      </span>
                    ) : null}
                    {c.shifts.map((s) => (
                      <ShiftChip key={s.id} shift={s} timeZone={timeZone} />
                    ))}
                  </div>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
