import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/pages";
import { getOrganization, listDepartments } from "@/lib/org/queries";
import { weekShifts } from "@/lib/schedule/queries";
import { weekSchema } from "@/lib/schedule/schemas";
import { addDays, isoDay, weekStart } from "@/lib/schedule/time";
import { dayKey, formatDay, formatTime } from "@/lib/text/format";
import { RefreshOn } from "@/components/live/live-events";

export const metadata: Metadata = { title: "Schedule" };

export default async function SchedulePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireStaffPage();
  const org = await getOrganization(user);
  const params = await searchParams;
  const { week } = weekSchema.parse(params);
  const monday = weekStart(week ?? new Date());
  const departments = await listDepartments(user);
  const department = departments.find((d) => d.id === params.department)?.id;
  const shifts = await weekShifts(user, monday, org.timeZone, department);
  const days = new Map<string, typeof shifts>();
  for (const s of shifts) days.set(dayKey(s.startsAt, org.timeZone), [...(days.get(dayKey(s.startsAt, org.timeZone)) ?? []), s]);
  const link = (w: Date, d = department) => `/schedule?week=${isoDay(w)}${d ? `&department=${d}` : ""}`;
  return (
    <main className="p-6">
      <RefreshOn types={["schedule.changed"]} />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Schedule · week of {formatDay(monday, "UTC")}</h1>
        <Link href={link(addDays(monday, -7))} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
          Previous week
        </Link>
        <Link href={link(weekStart())} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
          This week
        </Link>
        <Link href={link(addDays(monday, 7))} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
          Next week
        </Link>
        <nav aria-label="Departments" className="flex gap-2 text-sm">
          <Link href={link(monday, undefined)} aria-current={!department ? "page" : undefined} className="aria-[current=page]:font-semibold">
            All departments
          </Link>
          {departments.map((d) => (
            <Link key={d.id} href={link(monday, d.id)} aria-current={department === d.id ? "page" : undefined} className="aria-[current=page]:font-semibold">
              {d.name}
            </Link>
          ))}
        </nav>
      </div>
      {shifts.length === 0 ? <p className="text-slate-500">No shifts this week.</p> : null}
      <div className="space-y-6">
        {[...days.values()].map((list) => (
          <section key={list[0]!.id}>
            <h2 className="mb-2 font-medium">{formatDay(list[0]!.startsAt, org.timeZone)}</h2>
            <ul className="grid gap-2 md:grid-cols-2 xl:grid-cols-3">
              {list.map((s) => (
                <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="shift">
                  <Link href={`/schedule/shifts/${s.id}`} className="font-medium text-teal-800 hover:underline">
                    {s.activity.name} · {formatTime(s.startsAt, org.timeZone)}–{formatTime(s.endsAt, org.timeZone)}
                  </Link>
                  <p className="text-slate-500">
                    {s.department.name} · {s.place}
                  </p>
                  <p className="mt-1 text-slate-700">
                    {s.assignments.length === 0
                      ? "Nobody assigned"
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
    </main>
  );
}
