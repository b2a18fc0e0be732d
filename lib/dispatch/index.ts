import "server-only";
import { NotFoundError } from "@/lib/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { conversationKind } from "@/lib/conversations/kind";
import { conversationUrl } from "@/lib/conversations/paths";
import type { SendResult } from "@/lib/conversations/send";
import type { SendMessageInput } from "@/lib/conversations/schemas";
import type { EarlierPage } from "@/lib/inbox/queries";
import type { UploadTarget } from "@/lib/files/receive";
import { sendChatMessage } from "@/lib/chat/send";
import { markChatRead } from "@/lib/chat/read";
import { earlierChatMessages } from "@/lib/chat/queries";
import { requireChat } from "@/lib/chat/access";
import { sendInboxMessage } from "@/lib/inbox/send";
import { markThreadRead } from "@/lib/inbox/read";
import { earlierMessages } from "@/lib/inbox/queries";
import { requireInboxThread } from "@/lib/inbox/access";
import { refuseUnfilled } from "@/lib/inbox/send";
import { writeTx } from "@/lib/db";
import { reviseMessage as reviseInConversation, type Change } from "@/lib/conversations/revise";
import type { WireMessage } from "@/lib/realtime/event-types";
import { reviseQueuedSms } from "@/lib/sms/deliveries";

// One set of conversation endpoints (send, read, scroll back, upload) for the inbox and
// for chat: the conversation's kind decides whose rules apply. Both end in sendOnce. This
// is the one module that knows both kinds; the conversation core knows neither.

async function kindOf(user: SessionUser, conversationId: string) {
  const kind = await conversationKind(user, conversationId);
  if (!kind) throw new NotFoundError("errors.notFound.conversation");
  return kind;
}

export async function sendMessage(user: SessionUser, input: SendMessageInput): Promise<SendResult> {
  return (await kindOf(user, input.conversationId)) === "INBOX"
    ? sendInboxMessage(user, input)
    : sendChatMessage(user, input);
}

export async function markRead(
  user: SessionUser,
  conversationId: string,
  seq: number,
  openedAt?: Date,
): Promise<number> {
  return (await kindOf(user, conversationId)) === "INBOX"
    ? markThreadRead(user, conversationId, seq, openedAt)
    : markChatRead(user, conversationId, seq);
}

export async function earlierPage(user: SessionUser, conversationId: string, beforeSeq: number): Promise<EarlierPage> {
  if ((await kindOf(user, conversationId)) === "INBOX") return earlierMessages(user, conversationId, beforeSeq);
  return { ...(await earlierChatMessages(user, conversationId, beforeSeq)), notes: [] };
}

/** Where a conversation opens for this user (the form without JavaScript comes back there). */
export async function conversationPath(user: SessionUser, conversationId: string): Promise<string> {
  return conversationUrl(await kindOf(user, conversationId), conversationId, isStaff(user.role));
}

/**
 * Edits or deletes a message of a conversation the user may see (its rules: lib/conversations/revise.ts).
 * SMS copies not yet sent follow in the same transaction; one already sent is not recalled.
 */
export async function reviseMessage(
  user: SessionUser,
  input: { conversationId: string; messageId: string },
  change: Change,
): Promise<WireMessage> {
  const inbox = (await kindOf(user, input.conversationId)) === "INBOX";
  const thread = inbox
    ? await requireInboxThread(user, input.conversationId)
    : await requireChat(user, input.conversationId);
  // As when sending: a saved reply's variable left unfilled is never shown to the teammate.
  if (inbox && isStaff(user.role) && "edit" in change) refuseUnfilled(change.edit);
  return writeTx(async (_tx, ex) => {
    const message = await reviseInConversation(ex, {
      organizationId: thread.organizationId,
      conversationId: thread.id,
      messageId: input.messageId,
      by: { id: user.id, admin: user.role === "ADMIN" },
      change,
    });
    await reviseQueuedSms(ex, input.messageId, "edit" in change ? change.edit : null);
    return message;
  });
}

/** Someone who may write in the conversation may upload to it. */
export async function requireUploadTarget(user: SessionUser, conversationId: string): Promise<UploadTarget> {
  const kind = await conversationKind(user, conversationId);
  const thread =
    kind === "INBOX" || kind === null
      ? await requireInboxThread(user, conversationId)
      : await requireChat(user, conversationId);
  return {
    organizationId: thread.organizationId,
    conversationId: thread.id,
    uploaderId: user.id,
    fromStaff: isStaff(user.role),
  };
}
