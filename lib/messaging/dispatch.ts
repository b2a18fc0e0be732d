import "server-only";
import { NotFoundError } from "@/lib/api/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { conversationKind } from "@/lib/chat/access";
import { sendChatMessage } from "@/lib/chat/send";
import { markChatRead } from "@/lib/chat/read";
import { earlierChatMessages } from "@/lib/chat/queries";
import { sendInboxMessage } from "@/lib/inbox/send";
import { markThreadRead } from "@/lib/inbox/read";
import { earlierMessages, type EarlierPage } from "@/lib/inbox/queries";
import type { SendMessageInput } from "@/lib/inbox/schemas";
import type { SendResult } from "./send";

// One set of conversation endpoints (send, read, scroll back, upload) for the inbox and
// for chat: the conversation's kind decides whose rules apply. Both end in sendOnce.

async function kindOf(user: SessionUser, conversationId: string) {
  const kind = await conversationKind(user, conversationId);
  if (!kind) throw new NotFoundError("errors.notFound.conversation");
  return kind;
}

export async function sendMessage(user: SessionUser, input: SendMessageInput): Promise<SendResult> {
  return (await kindOf(user, input.conversationId)) === "INBOX" ? sendInboxMessage(user, input) : sendChatMessage(user, input);
}

export async function markRead(user: SessionUser, conversationId: string, seq: number, openedAt?: Date): Promise<number> {
  return (await kindOf(user, conversationId)) === "INBOX" ? markThreadRead(user, conversationId, seq, openedAt) : markChatRead(user, conversationId, seq);
}

export async function earlierPage(user: SessionUser, conversationId: string, beforeSeq: number): Promise<EarlierPage> {
  if ((await kindOf(user, conversationId)) === "INBOX") return earlierMessages(user, conversationId, beforeSeq);
  return { ...(await earlierChatMessages(user, conversationId, beforeSeq)), notes: [] };
}

/** Where a conversation opens for this user (the form without JavaScript comes back there). */
export async function conversationPath(user: SessionUser, conversationId: string): Promise<string> {
  const id = encodeURIComponent(conversationId);
  const staff = isStaff(user.role);
  if ((await kindOf(user, conversationId)) === "INBOX") return staff ? `/inbox/${id}` : "/me/messages";
  return staff ? `/chat/${id}` : `/me/chat/${id}`;
}
