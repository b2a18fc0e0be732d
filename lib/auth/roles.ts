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
};

export const STAFF_ROLES: readonly Role[] = ["ADMIN", "MANAGER"];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** Where a user lands after signing in. */
export function homePath(role: Role): string {
  return isStaff(role) ? "/inbox" : "/me";
}
