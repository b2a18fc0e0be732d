import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "./options";
import type { SessionUser } from "./roles";

/**
 * The signed-in user, checked against the database on every request: a disabled
 * user, or a session whose version was bumped (revoked), is signed out.
 */
export const getCurrentSession = cache(async (): Promise<{ user: SessionUser; sessionVersion: number } | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const sessionVersion = session.sv ?? 0;
  const user = await loadSessionUser(session.uid, sessionVersion);
  return user ? { user, sessionVersion } : null;
});

export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

export async function loadSessionUser(id: string, sessionVersion: number): Promise<SessionUser | null> {
  return db.user.findFirst({
    where: { id, sessionVersion, disabledAt: null },
    select: { id: true, organizationId: true, role: true, firstName: true, lastName: true, email: true },
  });
}

/** Ends every session of a user (sign out everywhere, or when an admin disables them). */
export async function revokeSessions(userId: string, organizationId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, organizationId }, data: { sessionVersion: { increment: 1 } } });
}
