import "server-only";
import { db } from "@/lib/db";
import type { Role, SessionUser } from "./roles";

/**
 * A stored user as their session would see them, for work done later on their behalf (an
 * export, a message sent later): null when they are not of this organisation. `disabled`
 * says whether they may still act.
 */
export async function actingUser(
  id: string,
  organizationId: string,
): Promise<(SessionUser & { disabled: boolean }) | null> {
  const u = await db.user.findFirst({
    where: { id, organizationId },
    select: {
      id: true,
      organizationId: true,
      role: true,
      email: true,
      firstName: true,
      lastName: true,
      locale: true,
      messagingAccess: true,
      disabledAt: true,
    },
  });
  if (!u) return null;
  const { disabledAt, ...user } = u;
  return { ...user, role: user.role as Role, disabled: disabledAt !== null };
}
