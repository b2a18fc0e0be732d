// Where a conversation opens, for staff and for a teammate: the one place that knows the
// addresses (a send without JavaScript comes back there, a push opens there).

export type ConversationKind = "INBOX" | "CHANNEL" | "GROUP";

export function conversationUrl(kind: ConversationKind, conversationId: string, staff: boolean): string {
  const id = encodeURIComponent(conversationId);
  if (kind === "INBOX") return staff ? `/inbox/${id}` : "/me/messages";
  return staff ? `/chat/${id}` : `/me/chat/${id}`;
}
