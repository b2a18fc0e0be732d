import type { Role } from "@/lib/db/generated/enums";

export type { Role };

export type SessionUser = {
  id: string;
  organizationId: string;
  role: Role;
  firstName: string;
  lastName: string;
  email: string;
  /** The language of the user's profile ("en", "fr"). */
  locale: string;
  /** Staff: whether they may use messaging (the inbox, private notes). An admin may turn it off for a manager. */
  messagingAccess: boolean;
};

export const STAFF_ROLES: readonly Role[] = ["ADMIN", "MANAGER"];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** Staff who may use messaging: the inbox, its threads, private notes, grouped messages. */
export function hasMessaging(user: Pick<SessionUser, "role" | "messagingAccess">): boolean {
  return isStaff(user.role) && user.messagingAccess;
}

/** Where a user lands after signing in (a manager without messaging: the schedule). */
export function homePath(role: Role, messagingAccess = true): string {
  return isStaff(role) ? (messagingAccess ? "/inbox" : "/schedule") : "/me";
}
