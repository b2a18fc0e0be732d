import "server-only";
import { readShiftAction } from "@/lib/conversations/shift-action";
import { db } from "@/lib/db";
import { requireStaff } from "@/lib/auth/authorize";
import { NotFoundError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { addDays, isoDay, zonedToUtc } from "@/lib/text/time";

export const shiftSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  place: true,
  needed: true,
  activity: { select: { name: true } },
  department: { select: { id: true, name: true } },
} as const;

/** [start, end) of the week starting on `monday` (a UTC date), in the organisation's time zone. */
function weekRange(monday: Date, timeZone: string) {
  return {
    from: zonedToUtc(`${isoDay(monday)}T00:00`, timeZone),
    to: zonedToUtc(`${isoDay(addDays(monday, 7))}T00:00`, timeZone),
  };
}

/** A teammate's own week: their shifts (assignments not deleted) and unavailability periods. */
export async function myWeek(user: SessionUser, monday: Date, timeZone: string) {
  const { from, to } = weekRange(monday, timeZone);
  const [shifts, periods] = await Promise.all([
    db.shift.findMany({
      where: {
        organizationId: user.organizationId,
        startsAt: { gte: from, lt: to },
        assignments: { some: { userId: user.id, deletedAt: null } },
      },
      orderBy: { startsAt: "asc" },
      select: shiftSelect,
    }),
    db.unavailability.findMany({
      where: { organizationId: user.organizationId, userId: user.id, startsAt: { lt: to }, endsAt: { gt: from } },
      orderBy: { startsAt: "asc" },
      select: { id: true, startsAt: true, endsAt: true, reason: true },
    }),
  ]);
  return { shifts, periods };
}

/** The organisation's shifts in a week, with who is assigned (staff only). */
async function weekShifts(user: SessionUser, monday: Date, timeZone: string, departmentId?: string) {
  requireStaff(user);
  const { from, to } = weekRange(monday, timeZone);
  return db.shift.findMany({
    where: {
      organizationId: user.organizationId,
      startsAt: { gte: from, lt: to },
      ...(departmentId ? { departmentId } : {}),
    },
    orderBy: [{ startsAt: "asc" }, { departmentId: "asc" }],
    select: {
      ...shiftSelect,
      assignments: {
        where: { deletedAt: null },
        select: { user: { select: { id: true, firstName: true, lastName: true } } },
      },
    },
  });
}

export async function shiftDetails(user: SessionUser, shiftId: string) {
  requireStaff(user);
  const shift = await db.shift.findFirst({
    where: { id: shiftId, organizationId: user.organizationId },
    select: {
      ...shiftSelect,
      notes: true,
      assignments: {
        where: { deletedAt: null },
        select: { user: { select: { id: true, firstName: true, lastName: true } } },
      },
      messages: {
        where: { kind: { in: ["SHIFT_QUESTION", "UNAVAILABILITY_REPORT"] } },
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          kind: true,
          body: true,
          createdAt: true,
          action: true,
          conversationId: true,
          author: { select: { firstName: true, lastName: true } },
        },
      },
    },
  });
  if (!shift) throw new NotFoundError("errors.notFound.shift");
  const candidates = await db.user.findMany({
    where: {
      organizationId: user.organizationId,
      role: "TEAMMATE",
      disabledAt: null,
      profile: { OR: [{ departmentId: shift.department.id }, { waitingList: true }] },
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, firstName: true, lastName: true },
  });
  return { ...shift, messages: shift.messages.map((m) => ({ ...m, action: readShiftAction(m.action) })), candidates };
}

/**
 * The week grid's data (lib/schedule/week-grid.ts): the week's shifts, the department's
 * employed teammates (or, for every department, those of the departments with shifts),
 * and their unavailability that week. Staff only.
 */
export async function weekGridData(user: SessionUser, monday: Date, timeZone: string, departmentId?: string) {
  const shifts = await weekShifts(user, monday, timeZone, departmentId);
  const { from, to } = weekRange(monday, timeZone);
  const departmentIds = departmentId ? [departmentId] : [...new Set(shifts.map((s) => s.department.id))];
  const people = await db.user.findMany({
    where: {
      organizationId: user.organizationId,
      role: "TEAMMATE",
      disabledAt: null,
      profile: { departmentId: { in: departmentIds }, waitingList: false },
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, firstName: true, lastName: true, profile: { select: { departmentId: true } } },
  });
  const ids = [...new Set([...people.map((p) => p.id), ...shifts.flatMap((s) => s.assignments.map((a) => a.user.id))])];
  const away = await db.unavailability.findMany({
    where: { organizationId: user.organizationId, userId: { in: ids }, startsAt: { lt: to }, endsAt: { gt: from } },
    select: { userId: true, startsAt: true, endsAt: true, reason: true },
  });
  return {
    shifts,
    people: people.map(({ profile, ...p }) => ({ ...p, departmentId: profile?.departmentId ?? null })),
    away,
  };
}
