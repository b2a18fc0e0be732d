import type { Metadata } from "next";
import { requireTeammatePage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { myShifts, weekStartOf } from "@/lib/schedule/queries";
import { formatDay, formatTime } from "@/lib/text/format";

export const metadata: Metadata = { title: "My schedule" };

export default async function MySchedulePage() {
  const user = await requireTeammatePage();
  const org = await getOrganization(user);
  const shifts = await myShifts(user, weekStartOf(new Date()));
  return (
    <>
      <header className="sticky top-0 border-b border-slate-200 bg-white px-4 py-3">
        <h1 className="text-lg font-semibold">My schedule</h1>
        <p className="text-xs text-slate-500">This week and next</p>
      </header>
      {shifts.length === 0 ? (
        <p className="p-4 text-sm text-slate-500">No shifts in these two weeks.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {shifts.map((s) => (
            <li key={s.id} className="px-4 py-3" data-testid="my-shift">
              <p className="font-medium">{s.activity.name}</p>
              <p className="text-sm text-slate-600">
                {formatDay(s.startsAt, org.timeZone)}, {formatTime(s.startsAt, org.timeZone)}–{formatTime(s.endsAt, org.timeZone)}
              </p>
              <p className="text-sm text-slate-500">
                {s.place} · {s.department.name}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
