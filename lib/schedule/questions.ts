import "server-only";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/api/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { sendInboxMessage } from "@/lib/inbox/send";
import { teammateThreadId } from "@/lib/inbox/queries";
import { shiftToWire } from "@/lib/messaging/wire";
import type { AskAboutShiftInput } from "./schemas";

const UNAVAILABLE = "I am unavailable for this shift";

export function shiftMessageBody(input: AskAboutShiftInput): string {
  if (input.kind === "SHIFT_QUESTION") return input.body;
  return input.body ? `${UNAVAILABLE}: ${input.body}` : `${UNAVAILABLE}.`;
}

/** The reason a teammate gave in an unavailability report, or null: the reverse of shiftMessageBody. */
export function reportedReason(body: string): string | null {
  return body.startsWith(`${UNAVAILABLE}: `) ? body.slice(UNAVAILABLE.length + 2) : null;
}

/**
 * "Ask a question" or "Report an unavailability" on one of the teammate's own
 * shifts: a message of that kind in their inbox thread, linked to the shift.
 */
export async function askAboutShift(user: SessionUser, input: AskAboutShiftInput) {
  if (isStaff(user.role)) throw new ForbiddenError("Only the teammate on the shift can ask about it.");
  const [assignment, threadId] = await Promise.all([
    db.assignment.findFirst({
      where: { shiftId: input.shiftId, userId: user.id, organizationId: user.organizationId, deletedAt: null },
      select: { shift: { select: { id: true, startsAt: true, endsAt: true, place: true, activity: { select: { name: true } } } } },
    }),
    teammateThreadId(user),
  ]);
  if (!assignment || !threadId) throw new NotFoundError("This shift");
  return sendInboxMessage(
    user,
    { conversationId: threadId, body: shiftMessageBody(input), clientId: input.clientId },
    { kind: input.kind, shift: shiftToWire(assignment.shift) },
  );
}
