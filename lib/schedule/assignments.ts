import "server-only";
import { writeTx } from "@/lib/db";
import { lockRow } from "@/lib/db/exec";
import { requireStaff } from "@/lib/auth/authorize";
import { NotFoundError, UserError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { appendEvent } from "@/lib/realtime/append";
import { postMessage } from "@/lib/messaging/post";
import { formatDateTime, formatTime } from "@/lib/text/format";
import { getOrganization } from "@/lib/org/queries";
import { reportedReason } from "./questions";
import { describePeriod, overlapping } from "./unavailability";
import { scheduleChanged } from "./events";
import { audit } from "@/lib/audit/record";

export type DeleteOutcome = { done: "deleted" | "already"; summary: string };

/**
 * "Delete assignment" on a shift question or unavailability report: removes the
 * teammate's assignment to that shift, optionally adds an unavailability for the
 * shift's time slot, records who did it on the message, and tells the teammate.
 * Acting twice changes nothing; an assignment already gone is said so.
 */
export async function deleteAssignmentFromMessage(user: SessionUser, messageId: string, markUnavailable: boolean): Promise<DeleteOutcome> {
  requireStaff(user);
  const { timeZone } = await getOrganization(user);
  return writeTx(async (tx, ex): Promise<DeleteOutcome> => {
    const message = await tx.message.findFirst({
      where: { id: messageId, organizationId: user.organizationId, kind: { in: ["SHIFT_QUESTION", "UNAVAILABILITY_REPORT"] }, shiftId: { not: null } },
      select: {
        id: true,
        kind: true,
        body: true,
        actionSummary: true,
        conversation: { select: { id: true, teammateId: true } },
        shift: { select: { id: true, startsAt: true, endsAt: true, activity: { select: { name: true } } } },
      },
    });
    const teammateId = message?.conversation.teammateId;
    if (!message?.shift || !teammateId) throw new NotFoundError("This shift question");
    if (message.actionSummary) return { done: "already", summary: message.actionSummary };
    const shift = message.shift;
    const assignment = await tx.assignment.findUnique({
      where: { shiftId_userId: { shiftId: shift.id, userId: teammateId } },
      select: { id: true, deletedAt: true },
    });
    if (!assignment || assignment.deletedAt) {
      throw new UserError(
        assignment?.deletedAt
          ? `This assignment was already deleted on ${formatDateTime(assignment.deletedAt, timeZone)}.`
          : "This teammate is no longer assigned to this shift.",
      );
    }
    const now = new Date();
    await tx.assignment.update({ where: { id: assignment.id }, data: { deletedAt: now, deletedById: user.id } });
    let unavailable = "";
    if (markUnavailable) {
      await lockRow(ex, "User", teammateId);
      const clash = await overlapping(tx, teammateId, shift.startsAt, shift.endsAt);
      if (clash[0]) unavailable = `; already unavailable then (${describePeriod(clash[0], timeZone)})`;
      else {
        const reason = message.kind === "UNAVAILABILITY_REPORT" ? reportedReason(message.body) : null;
        await tx.unavailability.create({
          data: {
            organizationId: user.organizationId,
            userId: teammateId,
            startsAt: shift.startsAt,
            endsAt: shift.endsAt,
            reason,
            createdById: user.id,
            sourceMessageId: message.id,
          },
        });
        unavailable = "; set as unavailable in this time slot";
      }
    }
    const summary = `Assignment deleted by ${user.firstName} on ${formatDateTime(now, timeZone)}${unavailable}`;
    await tx.message.update({ where: { id: message.id }, data: { actionAt: now, actionById: user.id, actionSummary: summary } });
    await audit(tx, user, "assignment.deleted", { type: "Assignment", id: assignment.id }, { messageId, markUnavailable });
    const when = `${formatDateTime(shift.startsAt, timeZone)}–${formatTime(shift.endsAt, timeZone)}`;
    const scope = { organizationId: user.organizationId, conversationId: message.conversation.id };
    await appendEvent(
      ex,
      "message.action",
      { ...scope, audience: "STAFF" },
      { conversationId: scope.conversationId, messageId: message.id, actionSummary: summary },
      now,
    );
    await postMessage(ex, {
      ...scope,
      author: null,
      kind: "SYSTEM",
      body: `Your assignment to ${shift.activity.name} on ${when} was deleted.${unavailable.startsWith("; set") ? " You are marked unavailable for this time slot." : ""}`,
      at: now,
    });
    await scheduleChanged(ex, user.organizationId, [teammateId], shift.id);
    return { done: "deleted", summary };
  });
}

/** Staff assign a teammate to a shift; refused where it overlaps one of their unavailability periods. */
export async function assignTeammate(user: SessionUser, shiftId: string, userId: string): Promise<void> {
  requireStaff(user);
  const { timeZone } = await getOrganization(user);
  await writeTx(async (tx, ex) => {
    const [shift, teammate] = await Promise.all([
      tx.shift.findFirst({ where: { id: shiftId, organizationId: user.organizationId }, select: { id: true, startsAt: true, endsAt: true } }),
      tx.user.findFirst({
        where: { id: userId, organizationId: user.organizationId, role: "TEAMMATE", disabledAt: null },
        select: { id: true, firstName: true },
      }),
    ]);
    if (!shift) throw new NotFoundError("This shift");
    if (!teammate) throw new NotFoundError("This teammate");
    await lockRow(ex, "User", userId);
    const clash = await overlapping(tx, userId, shift.startsAt, shift.endsAt);
    if (clash[0]) throw new UserError(`${teammate.firstName} is unavailable then: ${describePeriod(clash[0], timeZone)}.`, "userId");
    const existing = await tx.assignment.findUnique({ where: { shiftId_userId: { shiftId, userId } }, select: { id: true, deletedAt: true } });
    if (existing && !existing.deletedAt) throw new UserError(`${teammate.firstName} is already assigned to this shift.`, "userId");
    if (existing)
      await tx.assignment.update({ where: { id: existing.id }, data: { deletedAt: null, deletedById: null, createdById: user.id, createdAt: new Date() } });
    else await tx.assignment.create({ data: { organizationId: user.organizationId, shiftId, userId, createdById: user.id } });
    await audit(tx, user, "assignment.added", { type: "Shift", id: shiftId }, { userId });
    await scheduleChanged(ex, user.organizationId, [userId], shiftId);
  });
}

export async function unassignTeammate(user: SessionUser, shiftId: string, userId: string): Promise<void> {
  requireStaff(user);
  await writeTx(async (tx, ex) => {
    const existing = await tx.assignment.findFirst({ where: { shiftId, userId, organizationId: user.organizationId, deletedAt: null }, select: { id: true } });
    if (!existing) throw new NotFoundError("This assignment");
    await tx.assignment.update({ where: { id: existing.id }, data: { deletedAt: new Date(), deletedById: user.id } });
    await audit(tx, user, "assignment.deleted", { type: "Assignment", id: existing.id });
    await scheduleChanged(ex, user.organizationId, [userId], shiftId);
  });
}
