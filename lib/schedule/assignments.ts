import "server-only";
import { writeTx } from "@/lib/db";
import { lockRow } from "@/lib/db/exec";
import { requireStaff } from "@/lib/auth/authorize";
import { NotFoundError, UserError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { appendEvent } from "@/lib/realtime/append";
import { postMessage } from "@/lib/conversations/post";
import { formatDateTime, formatTime } from "@/lib/text/format";
import { translatorFor } from "@/lib/i18n/translator";
import { describePeriod, readShiftAction, shiftActionText, type ShiftAction } from "@/lib/conversations/shift-action";
import { getOrganization } from "@/lib/org/queries";
import { reportedReason } from "./questions";
import { overlapping } from "./unavailability";
import { scheduleChanged } from "./events";
import { audit } from "@/lib/audit/record";

export type DeleteOutcome = { done: "deleted" | "already"; action: ShiftAction; summary: string };

/**
 * "Delete assignment" on a shift question or unavailability report: removes the
 * teammate's assignment to that shift, optionally adds an unavailability for the
 * shift's time slot, records who did it on the message, and tells the teammate.
 * Acting twice changes nothing; an assignment already gone is said so.
 */
export async function deleteAssignmentFromMessage(
  user: SessionUser,
  messageId: string,
  markUnavailable: boolean,
): Promise<DeleteOutcome> {
  requireStaff(user);
  const { timeZone } = await getOrganization(user);
  return writeTx(async (tx, ex): Promise<DeleteOutcome> => {
    const message = await tx.message.findFirst({
      where: {
        id: messageId,
        organizationId: user.organizationId,
        kind: { in: ["SHIFT_QUESTION", "UNAVAILABILITY_REPORT"] },
        shiftId: { not: null },
      },
      select: {
        id: true,
        kind: true,
        body: true,
        action: true,
        conversation: { select: { id: true, teammateId: true, teammate: { select: { locale: true } } } },
        shift: { select: { id: true, startsAt: true, endsAt: true, activity: { select: { name: true } } } },
      },
    });
    const teammateId = message?.conversation.teammateId;
    if (!message?.shift || !teammateId) throw new NotFoundError("errors.notFound.shiftQuestion");
    const summarize = (action: ShiftAction) =>
      shiftActionText(action, translatorFor(user.locale), timeZone, user.locale);
    const done = readShiftAction(message.action);
    if (done) return { done: "already", action: done, summary: summarize(done) };
    const shift = message.shift;
    const assignment = await tx.assignment.findUnique({
      where: { shiftId_userId: { shiftId: shift.id, userId: teammateId } },
      select: { id: true, deletedAt: true },
    });
    if (!assignment || assignment.deletedAt) {
      const deletedAt = assignment?.deletedAt;
      if (deletedAt)
        throw new UserError("errors.assignmentAlreadyDeleted", {
          date: (locale) => formatDateTime(deletedAt, timeZone, locale),
        });
      throw new UserError("errors.noLongerAssigned");
    }
    const now = new Date();
    await tx.assignment.update({ where: { id: assignment.id }, data: { deletedAt: now, deletedById: user.id } });
    let unavailable: Extract<ShiftAction, { kind: "assignmentDeleted" }>["unavailable"] = "none";
    let period: { startsAt: string; endsAt: string; reason: string | null } | undefined;
    if (markUnavailable) {
      await lockRow(ex, "User", teammateId);
      const clash = (await overlapping(tx, teammateId, shift.startsAt, shift.endsAt))[0];
      if (clash) {
        unavailable = "already";
        period = { startsAt: clash.startsAt.toISOString(), endsAt: clash.endsAt.toISOString(), reason: clash.reason };
      } else {
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
        unavailable = "set";
      }
    }
    const action: ShiftAction = {
      kind: "assignmentDeleted",
      by: user.firstName,
      at: now.toISOString(),
      unavailable,
      ...(period ? { period } : {}),
    };
    await tx.message.update({ where: { id: message.id }, data: { actionAt: now, actionById: user.id, action } });
    await audit(
      tx,
      user,
      "assignment.deleted",
      { type: "Assignment", id: assignment.id },
      { messageId, markUnavailable },
    );
    // Told to the teammate in their language, not the manager's.
    const locale = message.conversation.teammate?.locale ?? "en";
    const when = `${formatDateTime(shift.startsAt, timeZone, locale)}–${formatTime(shift.endsAt, timeZone, locale)}`;
    const t = translatorFor(locale);
    const scope = { organizationId: user.organizationId, conversationId: message.conversation.id };
    await appendEvent(
      ex,
      "message.action",
      { ...scope, audience: "STAFF" },
      { conversationId: scope.conversationId, messageId: message.id, action },
      now,
    );
    await postMessage(ex, {
      ...scope,
      author: null,
      kind: "SYSTEM",
      body: t(unavailable === "set" ? "system.assignmentDeletedUnavailable" : "system.assignmentDeleted", {
        activity: shift.activity.name,
        when,
      }),
      at: now,
    });
    await scheduleChanged(ex, user.organizationId, [teammateId], shift.id);
    return { done: "deleted", action, summary: summarize(action) };
  });
}

/** Staff assign a teammate to a shift; refused where it overlaps one of their unavailability periods. */
export async function assignTeammate(user: SessionUser, shiftId: string, userId: string): Promise<void> {
  requireStaff(user);
  const { timeZone } = await getOrganization(user);
  await writeTx(async (tx, ex) => {
    const [shift, teammate] = await Promise.all([
      tx.shift.findFirst({
        where: { id: shiftId, organizationId: user.organizationId },
        select: { id: true, startsAt: true, endsAt: true },
      }),
      tx.user.findFirst({
        where: { id: userId, organizationId: user.organizationId, role: "TEAMMATE", disabledAt: null },
        select: { id: true, firstName: true },
      }),
    ]);
    if (!shift) throw new NotFoundError("errors.notFound.shift");
    if (!teammate) throw new NotFoundError("errors.notFound.teammate");
    await lockRow(ex, "User", userId);
    const clash = await overlapping(tx, userId, shift.startsAt, shift.endsAt);
    const clash0 = clash[0];
    if (clash0)
      throw new UserError(
        "errors.teammateUnavailable",
        { name: teammate.firstName, period: (locale) => describePeriod(clash0, timeZone, locale) },
        "userId",
      );
    const existing = await tx.assignment.findUnique({
      where: { shiftId_userId: { shiftId, userId } },
      select: { id: true, deletedAt: true },
    });
    if (existing && !existing.deletedAt)
      throw new UserError("errors.alreadyAssigned", { name: teammate.firstName }, "userId");
    if (existing)
      await tx.assignment.update({
        where: { id: existing.id },
        data: { deletedAt: null, deletedById: null, createdById: user.id, createdAt: new Date() },
      });
    else
      await tx.assignment.create({
        data: { organizationId: user.organizationId, shiftId, userId, createdById: user.id },
      });
    await audit(tx, user, "assignment.added", { type: "Shift", id: shiftId }, { userId });
    await scheduleChanged(ex, user.organizationId, [userId], shiftId);
  });
}

export async function unassignTeammate(user: SessionUser, shiftId: string, userId: string): Promise<void> {
  requireStaff(user);
  await writeTx(async (tx, ex) => {
    const existing = await tx.assignment.findFirst({
      where: { shiftId, userId, organizationId: user.organizationId, deletedAt: null },
      select: { id: true },
    });
    if (!existing) throw new NotFoundError("errors.notFound.assignment");
    await tx.assignment.update({ where: { id: existing.id }, data: { deletedAt: new Date(), deletedById: user.id } });
    await audit(tx, user, "assignment.deleted", { type: "Assignment", id: existing.id });
    await scheduleChanged(ex, user.organizationId, [userId], shiftId);
  });
}
