import "server-only";
import { db, writeTx } from "@/lib/db";
import { lockRow } from "@/lib/db/exec";
import type { Prisma } from "@/lib/db/generated/client";
import { requireStaff } from "@/lib/auth/authorize";
import { NotFoundError, UserError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { describePeriod } from "@/lib/conversations/shift-action";
import { getOrganization } from "@/lib/org/queries";
import { isWallClock, zonedToUtc } from "@/lib/text/time";
import { scheduleChanged } from "./events";
import type { UnavailabilityInput } from "./schemas";
import { audit } from "@/lib/audit/record";

type Tx = Prisma.TransactionClient;
type Period = { id: string; startsAt: Date; endsAt: Date; reason: string | null };

/** Periods of a teammate that overlap [start, end) (touching ends do not overlap). */
export function overlapping(tx: Tx, userId: string, start: Date, end: Date, exceptId?: string): Promise<Period[]> {
  return tx.unavailability.findMany({
    where: { userId, startsAt: { lt: end }, endsAt: { gt: start }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true, endsAt: true, reason: true },
  });
}

async function orgContext(user: SessionUser, teammateId: string) {
  const [org, teammate] = await Promise.all([
    getOrganization(user),
    db.user.findFirst({
      where: { id: teammateId, organizationId: user.organizationId, role: "TEAMMATE" },
      select: { id: true },
    }),
  ]);
  if (!teammate) throw new NotFoundError("errors.notFound.teammate");
  return org.timeZone;
}

/** Adds or edits (with `id`) an unavailability period on a teammate's page. Overlaps are refused. */
export async function saveUnavailability(user: SessionUser, input: UnavailabilityInput): Promise<{ id: string }> {
  requireStaff(user);
  const timeZone = await orgContext(user, input.userId);
  // Real times of the organisation's calendar (no 31 February, no hour skipped by the clocks),
  // compared as instants: that is what is stored.
  for (const field of ["startsAt", "endsAt"] as const)
    if (!isWallClock(input[field], timeZone))
      throw new UserError("errors.notADate", { value: input[field].replace("T", " ") }, field);
  const startsAt = zonedToUtc(input.startsAt, timeZone);
  const endsAt = zonedToUtc(input.endsAt, timeZone);
  if (endsAt <= startsAt) throw new UserError("errors.endBeforeStart", {}, "endsAt");
  return writeTx(async (tx, ex) => {
    if (input.id) {
      const found = await tx.unavailability.findFirst({
        where: { id: input.id, organizationId: user.organizationId, userId: input.userId },
        select: { id: true },
      });
      if (!found) throw new NotFoundError("errors.notFound.period");
    }
    await lockRow(ex, "User", input.userId);
    const clash = await overlapping(tx, input.userId, startsAt, endsAt, input.id);
    const clash0 = clash[0];
    if (clash0)
      throw new UserError(
        "errors.periodOverlaps",
        { period: (locale) => describePeriod(clash0, timeZone, locale) },
        "startsAt",
      );
    const data = { startsAt, endsAt, reason: input.reason || null };
    const saved = input.id
      ? await tx.unavailability.update({ where: { id: input.id }, data, select: { id: true } })
      : await tx.unavailability.create({
          data: { ...data, organizationId: user.organizationId, userId: input.userId, createdById: user.id },
          select: { id: true },
        });
    await audit(
      tx,
      user,
      input.id ? "unavailability.updated" : "unavailability.added",
      { type: "User", id: input.userId },
      {
        id: saved.id,
        startsAt: data.startsAt.toISOString(),
        endsAt: data.endsAt.toISOString(),
        reason: data.reason,
      },
    );
    await scheduleChanged(ex, user.organizationId, [input.userId], null);
    return saved;
  });
}

export async function removeUnavailability(user: SessionUser, id: string): Promise<void> {
  requireStaff(user);
  const found = await db.unavailability.findFirst({
    where: { id, organizationId: user.organizationId },
    select: { id: true, userId: true },
  });
  if (!found) throw new NotFoundError("errors.notFound.period");
  await writeTx(async (tx, ex) => {
    await tx.unavailability.delete({ where: { id } });
    await audit(tx, user, "unavailability.removed", { type: "User", id: found.userId }, { id });
    await scheduleChanged(ex, user.organizationId, [found.userId], null);
  });
}
