import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/pages";
import { getOrganization, listDepartments } from "@/lib/org/queries";
import { weekShifts } from "@/lib/schedule/queries";
import { weekSchema } from "@/lib/schedule/schemas";
import { addDays, isoDay, weekStart } from "@/lib/text/time";
import { dayKey, formatDay, formatTime } from "@/lib/text/format";
import { RefreshOn } from "@/components/live/live-events";
import { getLocale, getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("schedule.title") };
}

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
  const shifts = await weekShifts(user, monday, org.timeZone, department);
  const days = new Map<string, typeof shifts>();
  for (const s of shifts)
    days.set(dayKey(s.startsAt, org.timeZone), [...(days.get(dayKey(s.startsAt, org.timeZone)) ?? []), s]);
  const link = (w: Date, d = department) => `/schedule?week=${isoDay(w)}${d ? `&department=${d}` : ""}`;
  return (
    <div className="p-4 sm:p-6">
      <RefreshOn types={["schedule.changed"]} />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t("schedule.heading", { date: formatDay(monday, "UTC", locale) })}</h1>
        <Link href={link(addDays(monday, -7))} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
          {t("schedule.previousWeek")}
        </Link>
        <Link href={link(weekStart())} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
          {t("schedule.thisWeek")}
        </Link>
        <Link href={link(addDays(monday, 7))} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
          {t("schedule.nextWeek")}
        </Link>
        <nav aria-label={t("schedule.departments")} className="flex gap-2 text-sm">
          <Link
            href={link(monday, undefined)}
            aria-current={!department ? "page" : undefined}
            className="aria-[current=page]:font-semibold"
          >
            {t("schedule.allDepartments")}
          </Link>
          {departments.map((d) => (
            <Link
              key={d.id}
              href={link(monday, d.id)}
              aria-current={department === d.id ? "page" : undefined}
              className="aria-[current=page]:font-semibold"
            >
              {d.name}
            </Link>
          ))}
        </nav>
      </div>
      {shifts.length === 0 ? <p className="text-slate-500">{t("schedule.noShifts")}</p> : null}
      <div className="space-y-6">
        {[...days.values()].map((list) => (
          <section key={list[0]!.id}>
            <h2 className="mb-2 font-medium">{formatDay(list[0]!.startsAt, org.timeZone, locale)}</h2>
            <ul className="grid gap-2 md:grid-cols-2 xl:grid-cols-3">
              {list.map((s) => (
                <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="shift">
                  <Link href={`/schedule/shifts/${s.id}`} className="font-medium text-teal-800 hover:underline">
                    {s.activity.name} · {formatTime(s.startsAt, org.timeZone, locale)}–
                    {formatTime(s.endsAt, org.timeZone, locale)}
                  </Link>
                  <p className="text-slate-500">
                    {s.department.name} · {s.place}
                  </p>
                  <p className="mt-1 text-slate-700">
                    {s.assignments.length === 0
                      ? t("schedule.nobodyAssigned")
                      : s.assignments.map((a, i) => (
                          <span key={a.user.id}>
                            {i ? ", " : ""}
                            <Link href={`/teammates/${a.user.id}`} className="hover:underline">
                              {a.user.firstName} {a.user.lastName}
                            </Link>
                          </span>
                        ))}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
