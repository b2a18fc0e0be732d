import "server-only";
import { UserError } from "@/lib/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { sendOnce, type SendResult } from "@/lib/conversations/send";
import type { SendMessageInput } from "@/lib/conversations/schemas";
import { joinChannel } from "./members";
import { requireChat } from "./access";

/**
 * A message in a chat conversation, from one of its members (writing in a public
 * conversation one may join joins it). The same core as the inbox: stored once per
 * client id, with its files, and heard live by everyone in it.
 */
export async function sendChatMessage(user: SessionUser, input: SendMessageInput): Promise<SendResult> {
  // SMS copies are for the organisation's formal messages to one teammate.
  if (input.smsCopy) throw new UserError("errors.staleRequest");
  const staff = isStaff(user.role);
  if (input.urgent && !staff) throw new UserError("errors.staleRequest");
  let c = await requireChat(user, input.conversationId);
  if (c.standing === "open") c = await joinChannel(user, c.id, c.lastSeq);
  return sendOnce({
    organizationId: user.organizationId,
    conversationId: c.id,
    author: { id: user.id, name: `${user.firstName} ${user.lastName}`, staff },
    kind: "TEXT",
    body: input.body,
    clientId: input.clientId,
    attachmentIds: input.attachmentIds,
    urgent: Boolean(input.urgent),
    where: { kind: c.kind },
  });
}
