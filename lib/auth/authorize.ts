import type { Role, SessionUser } from "./roles";
import { isStaff } from "./roles";
import { ForbiddenError } from "@/lib/errors";

// The named checks every action and route handler goes through. They throw;
// the builders in lib/auth/action.ts and lib/auth/route.ts turn that into a refusal.

export function requireRole(user: SessionUser, roles: readonly Role[]): void {
  if (!roles.includes(user.role)) throw new ForbiddenError();
}

export function requireStaff(user: SessionUser): void {
  if (!isStaff(user.role)) throw new ForbiddenError();
}

/** Staff with messaging: the inbox, its threads, private notes, grouped messages, exports of attachments. */
export function requireMessaging(user: SessionUser): void {
  requireStaff(user);
  if (!user.messagingAccess) throw new ForbiddenError("errors.noMessaging");
}

export function requireAdmin(user: SessionUser): void {
  if (user.role !== "ADMIN") throw new ForbiddenError("errors.adminOnly");
}

/** Scope for Prisma `where` clauses: every query carries the organisation. */
export function orgScope(user: SessionUser): { organizationId: string } {
  return { organizationId: user.organizationId };
}
