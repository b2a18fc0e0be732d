import "server-only";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { sendInboxMessage } from "@/lib/inbox/send";
import type { AskAboutShiftInput } from "./schemas";

export function shiftMessageBody(input: AskAboutShiftInput): string {
  if (input.kind === "SHIFT_QUESTION") return input.body;
  return input.body ? `I am unavailable for this shift: ${input.body}` : "I am unavailable for this shift.";
}

/**
 * "Ask a question" or "Report an unavailability" on one of the teammate's own
 * shifts: a message of that kind in their inbox thread, linked to the shift.
 */
export async function askAboutShift(user: SessionUser, input: AskAboutShiftInput) {
  if (isStaff(user.role)) throw new ForbiddenError("Only the teammate on the shift can ask about it.");
  const [assignment, thread] = await Promise.all([
    db.assignment.findFirst({
      where: { shiftId: input.shiftId, userId: user.id, organizationId: user.organizationId, deletedAt: null },
      select: { id: true },
    }),
    db.conversation.findFirst({ where: { organizationId: user.organizationId, kind: "INBOX", teammateId: user.id, deletedAt: null }, select: { id: true } }),
  ]);
  if (!assignment || !thread) throw new NotFoundError("This shift");
  return sendInboxMessage(user, { conversationId: thread.id, body: shiftMessageBody(input), clientId: input.clientId }, { kind: input.kind, shiftId: input.shiftId });
}
