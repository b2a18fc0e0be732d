import type { ConversationKind } from "./paths";

// Who hears a new message, written once for every path: the live stream (the event's
// audience, which lib/realtime/visibility.ts applies to each open stream) and the
// notifications sent outside the app (push, from the background queue).

export type ConversationRef = {
  id: string;
  kind: ConversationKind;
  teammateId: string | null;
  departmentId: string | null;
};

/**
 * The stream: an inbox thread's messages reach staff with messaging and the thread's
 * teammate (MEMBERS); a chat's reach its current members, and a public conversation's
 * also its department's teammates who have not left it, so they see it before joining (CHAT).
 */
export function streamAudience(c: ConversationRef) {
  if (c.kind === "INBOX") return { audience: "MEMBERS" as const, conversationId: c.id };
  return {
    audience: "CHAT" as const,
    conversationId: c.id,
    departmentId: c.kind === "CHANNEL" ? c.departmentId : null,
  };
}

/**
 * Outside the app, only the other side is told: staff's message in an inbox thread goes to
 * its teammate, a teammate's to staff with messaging; a chat message to the chat's current
 * members. The author is never told, and each reader's mute and quiet hours apply on top.
 */
export type Notified =
  { to: "teammate"; userId: string } | { to: "messagingStaff" } | { to: "members"; conversationId: string };

export function notifiedOf(c: ConversationRef, fromStaff: boolean): Notified {
  if (c.kind !== "INBOX") return { to: "members", conversationId: c.id };
  return fromStaff ? { to: "teammate", userId: c.teammateId ?? "" } : { to: "messagingStaff" };
}
