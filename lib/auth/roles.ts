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

/** Every role, and the groups actions and routes allow: written once, used by name. */
export const EVERYONE = ["ADMIN", "MANAGER", "TEAMMATE"] as const satisfies readonly Role[];
export const STAFF_ROLES = ["ADMIN", "MANAGER"] as const satisfies readonly Role[];
export const ADMINS = ["ADMIN"] as const satisfies readonly Role[];
export const TEAMMATES = ["TEAMMATE"] as const satisfies readonly Role[];

export function isStaff(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

/** Staff who may use messaging: the inbox, its threads, private notes, grouped messages. */
export function hasMessaging(user: Pick<SessionUser, "role" | "messagingAccess">): boolean {
  return isStaff(user.role) && user.messagingAccess;
}

/** Where a user lands after signing in (a manager without messaging: the schedule). */
export function homePath(role: Role, messagingAccess = true): string {
  return isStaff(role) ? (messagingAccess ? "/inbox" : "/schedule") : "/me";
}
