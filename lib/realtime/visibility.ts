import type { EventAudience } from "@/lib/db/generated/enums";

export type Viewer = {
  userId: string;
  organizationId: string;
  isStaff: boolean;
  /** Conversations the viewer is a current member of (for a teammate: their inbox thread). */
  memberOf: ReadonlySet<string>;
};

export type LoggedEvent = {
  id: number;
  organizationId: string;
  type: string;
  audience: EventAudience;
  conversationId: string | null;
  userId: string | null;
  payload: string;
};

/**
 * Whether a viewer may receive an event. STAFF events (private notes, processed
 * state) never reach a teammate; MEMBERS events reach staff (the shared inbox)
 * and the conversation's members; USER events reach one user.
 */
export function canSee(event: LoggedEvent, viewer: Viewer): boolean {
  if (event.organizationId !== viewer.organizationId) return false;
  switch (event.audience) {
    case "STAFF":
      return viewer.isStaff;
    case "MEMBERS":
      return viewer.isStaff || (event.conversationId !== null && viewer.memberOf.has(event.conversationId));
    case "USER":
      return event.userId === viewer.userId;
    default:
      return false;
  }
}
