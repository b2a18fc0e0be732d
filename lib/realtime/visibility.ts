import type { EventAudience } from "@/lib/db/generated/enums";

export type Viewer = {
  userId: string;
  organizationId: string;
  isStaff: boolean;
  /** Staff with messaging (unset: all staff). Without it, a manager hears no inbox message, note or processed state. */
  messaging?: boolean;
  /** Conversations the viewer is a current member of (their inbox thread, their chats). Kept current by `follow`. */
  memberOf: Set<string>;
  /** A teammate's department: its public conversations reach them before they join. */
  departmentId?: string | null;
  /** Public conversations the viewer left: nothing of them reaches the viewer any more. */
  left?: Set<string>;
  /** The organisation's Chat option, as the stream opened (unset: on). Off, nothing of chat reaches anyone. */
  chat?: boolean;
};

export type LoggedEvent = {
  id: number;
  organizationId: string;
  type: string;
  audience: EventAudience;
  conversationId: string | null;
  userId: string | null;
  departmentId?: string | null;
  payload: string;
};

/**
 * Whether a viewer may receive an event. STAFF events (private notes, processed
 * state) never reach a teammate; MEMBERS events (inbox threads) reach staff and
 * the conversation's members; CHAT events reach the chat's current members only,
 * staff included (a private chat is private), and for a public conversation the
 * department's people who have not left it; USER events reach one user.
 */
export function canSee(event: LoggedEvent, viewer: Viewer): boolean {
  if (event.organizationId !== viewer.organizationId) return false;
  if (viewer.chat === false && (event.audience === "CHAT" || event.type.startsWith("chat."))) return false;
  switch (event.audience) {
    case "STAFF":
      // The schedule is every manager's; the rest of STAFF (notes, processed state, shift actions) is messaging's.
      return viewer.isStaff && (viewer.messaging !== false || event.type === "schedule.changed");
    case "MEMBERS":
      return (
        (viewer.isStaff && viewer.messaging !== false) ||
        (event.conversationId !== null && viewer.memberOf.has(event.conversationId))
      );
    case "CHAT": {
      const id = event.conversationId;
      if (id === null) return false;
      if (viewer.memberOf.has(id)) return true;
      return Boolean(event.departmentId && event.departmentId === viewer.departmentId && !viewer.left?.has(id));
    }
    case "USER":
      return event.userId === viewer.userId;
    default:
      return false;
  }
}

/**
 * Keeps an open stream's memberships current as chat events go by, in event order:
 * joining (created, added) lets the chat's next events through, leaving or a deletion
 * stops them. Called for each event after `canSee` has decided about that event.
 */
export function follow(event: LoggedEvent, viewer: Viewer): void {
  if (event.organizationId !== viewer.organizationId || event.conversationId === null) return;
  const id = event.conversationId;
  if (event.audience === "USER" && event.userId === viewer.userId) {
    if (event.type === "chat.joined") {
      viewer.memberOf.add(id);
      viewer.left?.delete(id);
    } else if (event.type === "chat.left") {
      viewer.memberOf.delete(id);
      (viewer.left ??= new Set()).add(id);
    }
  } else if (event.type === "chat.changed" && event.audience === "CHAT" && viewer.memberOf.has(id)) {
    // A deletion is the last event of a chat anyone receives.
    if ((JSON.parse(event.payload) as { change?: string }).change === "deleted") viewer.memberOf.delete(id);
  }
}
