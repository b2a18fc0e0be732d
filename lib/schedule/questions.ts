import "server-only";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { sendInboxMessage } from "@/lib/inbox/send";
import { teammateThreadId } from "@/lib/inbox/queries";
import { shiftToWire } from "@/lib/conversations/wire";
import type { AskAboutShiftInput } from "./schemas";
import { translatorFor } from "@/lib/i18n/translator";
import { LOCALES } from "@/lib/i18n/locales";

/** The teammate's message: their question, or their unavailability report worded in their language. */
function shiftMessageBody(input: AskAboutShiftInput, locale: string): string {
  if (input.kind === "SHIFT_QUESTION") return input.body;
  const t = translatorFor(locale);
  return input.body ? t("system.unavailableBecause", { reason: input.body }) : t("system.unavailable");
}

const MARK = "\u0000";
// "I am unavailable for this shift: {reason}" in each language, split around the reason.
const REPORT_FRAMES = LOCALES.map(
  (l) => translatorFor(l)("system.unavailableBecause", { reason: MARK }).split(MARK) as [string, string],
);

/** The reason a teammate gave in an unavailability report (in any of our languages), or null: the reverse of shiftMessageBody. */
export function reportedReason(body: string): string | null {
  for (const [before, after] of REPORT_FRAMES) {
    if (body.length > before.length + after.length && body.startsWith(before) && body.endsWith(after))
      return body.slice(before.length, body.length - after.length);
  }
  return null;
}

/**
 * "Ask a question" or "Report an unavailability" on one of the teammate's own
 * shifts: a message of that kind in their inbox thread, linked to the shift.
 */
export async function askAboutShift(user: SessionUser, input: AskAboutShiftInput) {
  if (isStaff(user.role)) throw new ForbiddenError("errors.onlyTeammateOnShift");
  const [assignment, threadId] = await Promise.all([
    db.assignment.findFirst({
      where: { shiftId: input.shiftId, userId: user.id, organizationId: user.organizationId, deletedAt: null },
      select: {
        shift: {
          select: { id: true, startsAt: true, endsAt: true, place: true, activity: { select: { name: true } } },
        },
      },
    }),
    teammateThreadId(user),
  ]);
  if (!assignment || !threadId) throw new NotFoundError("errors.notFound.shift");
  return sendInboxMessage(
    user,
    { conversationId: threadId, body: shiftMessageBody(input, user.locale), clientId: input.clientId },
    { kind: input.kind, shift: shiftToWire(assignment.shift) },
  );
}
