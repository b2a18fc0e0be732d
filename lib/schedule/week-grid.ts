import { dayKey } from "@/lib/text/format";
import { addDays, isoDay } from "@/lib/text/time";

type Person = { id: string; firstName: string; lastName: string };
type GridShift = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  needed: number;
  activity: { name: string };
  department: { id: string; name: string };
  assignments: { user: Person }[];
};
type Away = { userId: string; startsAt: Date; endsAt: Date; reason: string | null };

export type GridCell = {
  shifts: (GridShift & { conflict: boolean })[];
  /** Unavailable for some of the day. */
  away: { reason: string | null }[];
};
type GridRow = { person: Person; cells: Record<string, GridCell> };
export type OpenShift = {
  shift: GridShift;
  day: string;
  missing: number;
  /** Who could take it: in its department, not on it, not away and not on another shift then. */
  candidates: { id: string; name: string }[];
};

const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * The week as a grid of people by day (docs/design.md, the schedule): each person's shifts
 * per day, marked when they clash with an unavailability or another shift; the days they are
 * away shaded; and the shifts that still need people, with who could take them. Days are the
 * organisation's calendar days (`timeZone`), Monday first.
 */
export function buildWeekGrid({
  monday,
  timeZone,
  shifts,
  people,
  away,
}: {
  monday: Date;
  timeZone: string;
  shifts: GridShift[];
  /** The department's people, each with the department they belong to. */
  people: (Person & { departmentId: string | null })[];
  away: Away[];
}) {
  const days = Array.from({ length: 7 }, (_, i) => isoDay(addDays(monday, i)));
  const assigned = new Map<string, GridShift[]>();
  for (const s of shifts)
    for (const a of s.assignments) assigned.set(a.user.id, [...(assigned.get(a.user.id) ?? []), s]);
  const awayOf = new Map<string, Away[]>();
  for (const a of away) awayOf.set(a.userId, [...(awayOf.get(a.userId) ?? []), a]);
  // Everyone of the department, and anyone from elsewhere who works one of its shifts this week.
  const rowsOf = new Map<string, Person>(people.map((p) => [p.id, p]));
  for (const s of shifts) for (const a of s.assignments) if (!rowsOf.has(a.user.id)) rowsOf.set(a.user.id, a.user);

  const rows: GridRow[] = [...rowsOf.values()]
    .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName))
    .map((person) => {
      const mine = assigned.get(person.id) ?? [];
      const periods = awayOf.get(person.id) ?? [];
      const cells: Record<string, GridCell> = {};
      for (const day of days) cells[day] = { shifts: [], away: [] };
      for (const s of mine) {
        const conflict = periods.some((p) => overlaps(p, s)) || mine.some((o) => o.id !== s.id && overlaps(o, s));
        cells[dayKey(s.startsAt, timeZone)]?.shifts.push({ ...s, conflict });
      }
      for (const p of periods) {
        // A period shades each calendar day it touches, by the organisation's dates.
        const first = dayKey(p.startsAt, timeZone);
        const last = dayKey(new Date(p.endsAt.getTime() - 1), timeZone);
        for (const day of days) if (first <= day && last >= day) cells[day]!.away.push({ reason: p.reason });
      }
      return { person, cells };
    });

  const open: OpenShift[] = shifts
    .filter((s) => s.assignments.length < s.needed)
    .map((s) => ({
      shift: s,
      day: dayKey(s.startsAt, timeZone),
      missing: s.needed - s.assignments.length,
      candidates: people
        .filter(
          (p) =>
            p.departmentId === s.department.id &&
            !s.assignments.some((a) => a.user.id === p.id) &&
            !(awayOf.get(p.id) ?? []).some((a) => overlaps(a, s)) &&
            !(assigned.get(p.id) ?? []).some((o) => overlaps(o, s)),
        )
        .map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}` })),
    }));
  return { days, rows, open };
}
