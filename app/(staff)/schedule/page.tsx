import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ChevronLeft } from "@/components/ui/icons/chevron-left";
import { ChevronRight } from "@/components/ui/icons/chevron-right";
import { requireStaffPage } from "@/lib/auth/pages";
import { getOrganization, listDepartments } from "@/lib/org/queries";
import { weekGridData } from "@/lib/schedule/queries";
import { weekSchema } from "@/lib/schedule/schemas";
import { buildWeekGrid } from "@/lib/schedule/week-grid";
import { addDays, isoDay, weekStart } from "@/lib/text/time";
import { dayKey, formatDay } from "@/lib/text/format";
import { RefreshOn } from "@/components/live/live-events";
import { AutoSubmit } from "@/components/ui/auto-submit";
import { buttonClass } from "@/components/ui/button";
import { IconLink } from "@/components/ui/icon-link";
import { getLocale, getTranslations } from "next-intl/server";
import { WeekGrid } from "./week-grid";
import { DayView } from "./day-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("schedule.title") };
}

/**
 * The staff schedule: a week grid of people by day for a department (from 1024 px), a day
 * at a time on a phone. Open and understaffed shifts on top, with who could take them;
 * unavailability shaded; clashes marked; today marked.
 */
export default async function SchedulePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireStaffPage();
  const [org, t] = await Promise.all([getOrganization(user), getTranslations()]);
  const locale = await getLocale();
  const params = await searchParams;
  const { week } = weekSchema.parse(params);
  const monday = weekStart(week ?? new Date());
  const departments = await listDepartments(user);
  const department = departments.find((d) => d.id === params.department)?.id;
  const grid = buildWeekGrid({
    monday,
    timeZone: org.timeZone,
    ...(await weekGridData(user, monday, org.timeZone, department)),
  });
  const today = dayKey(new Date(), org.timeZone);
  const day = grid.days.includes(params.day ?? "") ? params.day! : grid.days.includes(today) ? today : grid.days[0]!;
  const link = (w: Date, extra: Record<string, string> = {}) =>
    `/schedule?${new URLSearchParams({ week: isoDay(w), ...(department ? { department } : {}), ...extra })}`;
  return (
    <div className="flex h-full flex-col">
      <RefreshOn types={["schedule.changed"]} />
      <header className="flex flex-wrap items-center gap-2 border-b border-line bg-surface px-4 py-2 sm:px-6">
        <h1 className="mr-auto text-lg font-semibold">
          {t("schedule.heading", { date: formatDay(monday, "UTC", locale) })}
        </h1>
        <nav aria-label={t("schedule.weeks")} className="flex items-center gap-1">
          <IconLink
            href={link(addDays(monday, -7))}
            label={t("schedule.previousWeek")}
            className="border border-line bg-surface"
          >
            <ChevronLeft aria-hidden="true" className="size-5" />
          </IconLink>
          <Link href={link(weekStart())} className={buttonClass("secondary")}>
            {t("schedule.thisWeek")}
          </Link>
          <IconLink
            href={link(addDays(monday, 7))}
            label={t("schedule.nextWeek")}
            className="border border-line bg-surface"
          >
            <ChevronRight aria-hidden="true" className="size-5" />
          </IconLink>
        </nav>
        <AutoSubmit>
          <form method="get" action="/schedule" className="flex items-center gap-2">
            <input type="hidden" name="week" value={isoDay(monday)} />
            <label className="sr-only" htmlFor="schedule-department">
              {t("schedule.departments")}
            </label>
            <select
              id="schedule-department"
              name="department"
              defaultValue={department ?? ""}
              className="rounded-control border border-line bg-surface px-2 text-sm"
            >
              <option value="">{t("schedule.allDepartments")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            <noscript>
              <button type="submit" className={buttonClass("secondary")}>
                {t("inbox.apply")}
              </button>
            </noscript>
          </form>
        </AutoSubmit>
      </header>
      <div className="min-h-0 flex-1 overflow-auto">
        <div className="hidden lg:block">
          <WeekGrid grid={grid} today={today} timeZone={org.timeZone} />
        </div>
        <div className="lg:hidden">
          <DayView
            grid={grid}
            day={day}
            today={today}
            timeZone={org.timeZone}
            dayHref={(d) => link(weekStart(d), { day: d })}
          />
        </div>
      </div>
    </div>
  );
}
