import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { weekShifts, weekStartOf } from "@/lib/schedule/queries";
import { dayKey, formatDay, formatTime } from "@/lib/text/format";

export const metadata: Metadata = { title: "Schedule" };

export default async function SchedulePage() {
  const user = await requireStaffPage();
  const org = await getOrganization(user);
  const shifts = await weekShifts(user, weekStartOf(new Date()));
  const days = new Map<string, typeof shifts>();
  for (const s of shifts) {
    const k = dayKey(s.startsAt, org.timeZone);
    days.set(k, [...(days.get(k) ?? []), s]);
  }
  return (
    <main className="p-6">
      <h1 className="mb-4 text-xl font-semibold">Schedule · this week</h1>
      {shifts.length === 0 ? <p className="text-slate-500">No shifts this week.</p> : null}
      <div className="space-y-6">
        {[...days.values()].map((list) => (
          <section key={list[0]!.id}>
            <h2 className="mb-2 font-medium">{formatDay(list[0]!.startsAt, org.timeZone)}</h2>
            <ul className="grid gap-2 md:grid-cols-2">
              {list.map((s) => (
                <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                  <p className="font-medium">
                    {s.activity.name} · {formatTime(s.startsAt, org.timeZone)}–{formatTime(s.endsAt, org.timeZone)}
                  </p>
                  <p className="text-slate-500">
                    {s.department.name} · {s.place}
                  </p>
                  <p className="mt-1 text-slate-700">{s.assignments.map((a) => `${a.user.firstName} ${a.user.lastName}`).join(", ") || "Nobody assigned"}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </main>
  );
}
