import "server-only";
import { db } from "@/lib/db";
import { requireStaff } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";

const shiftSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  place: true,
  activity: { select: { name: true } },
  department: { select: { name: true } },
} as const;

/** A teammate's own shifts (assignments not deleted) from `from` for `days` days. */
export async function myShifts(user: SessionUser, from: Date, days = 14) {
  const to = new Date(from.getTime() + days * 86_400_000);
  return db.shift.findMany({
    where: {
      organizationId: user.organizationId,
      startsAt: { gte: from, lt: to },
      assignments: { some: { userId: user.id, deletedAt: null } },
    },
    orderBy: { startsAt: "asc" },
    select: shiftSelect,
  });
}

/** All shifts of the organisation in a week, with who is assigned (staff only). */
export async function weekShifts(user: SessionUser, weekStart: Date) {
  requireStaff(user);
  const to = new Date(weekStart.getTime() + 7 * 86_400_000);
  return db.shift.findMany({
    where: { organizationId: user.organizationId, startsAt: { gte: weekStart, lt: to } },
    orderBy: [{ startsAt: "asc" }, { departmentId: "asc" }],
    select: {
      ...shiftSelect,
      assignments: { where: { deletedAt: null }, select: { user: { select: { id: true, firstName: true, lastName: true } } } },
    },
  });
}

/** Monday 00:00 UTC of the week that holds `d`. */
export function weekStartOf(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
}
