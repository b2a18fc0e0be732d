import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { queryOne, sql } from "@/lib/db/sql";
import { SESSION_COOKIE } from "./options";
import { authSecret } from "./secret";
import type { SessionUser } from "./roles";

type Claims = { uid: string; sv: number; exp: number };

// Decrypting next-auth's JWT costs more than the rest of a send; a token is
// immutable, so its claims are kept per token string. Revocation is still
// checked against the database on every request (loadSessionUser).
const claimsCache = new Map<string, Claims>();
const CLAIMS_CACHE_MAX = 20_000;

async function readSessionCookie(): Promise<Claims | null> {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!raw) return null;
  let claims = claimsCache.get(raw);
  if (!claims) {
    const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
    if (!token?.sub) return null;
    claims = { uid: token.sub, sv: Number(token.sv ?? 0), exp: Number(token.exp ?? 0) };
    if (claimsCache.size >= CLAIMS_CACHE_MAX) claimsCache.clear();
    claimsCache.set(raw, claims);
  }
  return claims.exp * 1000 > Date.now() ? claims : null;
}

/**
 * The signed-in user, checked against the database on every request: a disabled
 * user, or a session whose version was bumped (revoked), is signed out.
 */
export const getCurrentSession = cache(async (): Promise<{ user: SessionUser; sessionVersion: number } | null> => {
  const claims = await readSessionCookie();
  if (!claims) return null;
  const sessionVersion = claims.sv;
  const user = await loadSessionUser(claims.uid, sessionVersion);
  return user ? { user, sessionVersion } : null;
});

export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

export async function loadSessionUser(id: string, sessionVersion: number): Promise<SessionUser | null> {
  // Runs on every request, so through the SQL executor (docs/decisions/004-hot-paths-in-sql.md).
  const user = await queryOne<SessionUser>(sql`
    SELECT "id", "organizationId", "role", "firstName", "lastName", "email", "locale" FROM "User"
    WHERE "id" = ${id} AND "sessionVersion" = ${sessionVersion} AND "disabledAt" IS NULL`);
  return user ?? null;
}

/** Ends every session of a user (sign out everywhere, or when an admin disables them). */
export async function revokeSessions(userId: string, organizationId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, organizationId }, data: { sessionVersion: { increment: 1 } } });
}
