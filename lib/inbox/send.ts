import "server-only";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { sendOnce, type SendResult } from "@/lib/conversations/send";
import type { WireMessage, WireShift } from "@/lib/realtime/event-types";
import type { SendMessageInput } from "@/lib/conversations/schemas";
import { smsCopyFor } from "./sms-copy";
import { UserError } from "@/lib/errors";
import { unfilledVariable } from "@/lib/conversations/reply-variables";

/** A saved reply's variable the thread had no value for is never sent as it is ("Hello {{firstName}}"). */
export function refuseUnfilled(body: string): void {
  const unfilled = unfilledVariable(body);
  if (unfilled) throw new UserError("errors.unfilledVariable", { name: `{{${unfilled}}}` }, "body");
}

/**
 * A message in an inbox thread, from staff (any thread of their organisation) or
 * from the teammate whose thread it is. Anything else is "not found".
 */
export async function sendInboxMessage(
  user: SessionUser,
  input: SendMessageInput,
  about: { kind: WireMessage["kind"]; shift: WireShift | null } = { kind: "TEXT", shift: null },
): Promise<SendResult> {
  const staff = isStaff(user.role);
  // Only staff mark a message urgent (a teammate's page has no such box: a forged request).
  if (input.urgent && !staff) throw new UserError("errors.staleRequest");
  if (staff) refuseUnfilled(input.body);
  // Staff may ask for an SMS copy: checked (consent, number, limits) before anything is stored.
  const smsCopy = staff && input.smsCopy ? await smsCopyFor(user, input.conversationId) : null;
  return sendOnce(
    {
      organizationId: user.organizationId,
      conversationId: input.conversationId,
      author: { id: user.id, name: `${user.firstName} ${user.lastName}`, staff },
      kind: about.kind,
      body: input.body,
      clientId: input.clientId,
      shift: about.shift,
      attachmentIds: input.attachmentIds,
      urgent: Boolean(input.urgent),
      where: { kind: "INBOX", teammateId: staff ? undefined : user.id },
    },
    // The SMS row and its job are written in the message's transaction: both or neither.
    smsCopy
      ? async (tx, posted) => {
          await smsCopy(tx, posted.id, input.body);
        }
      : undefined,
  );
}
