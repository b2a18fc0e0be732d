import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { queryOne, sql, writeTransaction } from "@/lib/db/sql";
import { appendEvent } from "@/lib/realtime/append";
import { identifyRequest } from "@/lib/log";
import { SESSION_COOKIE } from "./options";
import { authSecret } from "./secret";
import type { Role, SessionUser } from "./roles";

/** uid: the user; sv: their session version; sid: this session's id (the JWT's jti); exp: seconds. */
type Claims = { uid: string; sv: number; sid: string; exp: number };

// Decrypting next-auth's JWT costs more than the rest of a send; a token is
// immutable, so its claims are kept per token string. Revocation is still
// checked against the database on every request (loadSessionUser).
const claimsCache = new Map<string, Claims>();
const CLAIMS_CACHE_MAX = 20_000;

async function claimsOf(raw: string | undefined): Promise<Claims | null> {
  if (!raw) return null;
  let claims = claimsCache.get(raw);
  if (!claims) {
    const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
    if (!token?.sub) return null;
    claims = {
      uid: token.sub,
      sv: Number(token.sv ?? 0),
      sid: typeof token.jti === "string" ? token.jti : "",
      exp: Number(token.exp ?? 0),
    };
    if (claimsCache.size >= CLAIMS_CACHE_MAX) claimsCache.clear();
    claimsCache.set(raw, claims);
  }
  return claims.exp * 1000 > Date.now() ? claims : null;
}

/**
 * The signed-in user, checked against the database on every request: a disabled
 * user, or a session whose version was bumped (revoked), is signed out.
 */
export type CurrentSession = { user: SessionUser; sessionVersion: number; sessionId: string; expiresAt: Date };

export const getCurrentSession = cache(async (): Promise<CurrentSession | null> =>
  sessionOf((await cookies()).get(SESSION_COOKIE)?.value),
);

/**
 * The session a session cookie's value holds, checked as above: for the one request that
 * Next.js does not handle (the event stream, lib/api/node-events.ts).
 */
export async function sessionOf(cookie: string | undefined): Promise<CurrentSession | null> {
  const claims = await claimsOf(cookie);
  if (!claims) return null;
  const sessionVersion = claims.sv;
  const user = await loadSessionUser(claims.uid, sessionVersion, claims.sid);
  if (user) identifyRequest(user); // its log lines carry who asked (ids only)
  return user ? { user, sessionVersion, sessionId: claims.sid, expiresAt: new Date(claims.exp * 1000) } : null;
}

export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

/**
 * The user of a session that still holds: the user is enabled, the session's version is
 * theirs (not revoked everywhere), and this session (`sessionId`) was not signed out.
 */
export async function loadSessionUser(id: string, sessionVersion: number, sessionId = ""): Promise<SessionUser | null> {
  // Runs on every request, so through the SQL executor (docs/decisions/004-hot-paths-in-sql.md).
  const user = await queryOne(
    sql`
    SELECT "id", "organizationId", "role", "firstName", "lastName", "email", "locale", "messagingAccess" FROM "User"
    WHERE "id" = ${id} AND "sessionVersion" = ${sessionVersion} AND "disabledAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r."id" = ${sessionId})`,
    {
      id: "text",
      organizationId: "text",
      role: "text",
      firstName: "text",
      lastName: "text",
      email: "text",
      locale: "text",
      messagingAccess: "bool",
    },
  );
  return user ? { ...user, role: user.role as Role } : null;
}

/** Ends one session (signing out on this device): its token is refused from now on, here and on every instance. */
export async function revokeSession(session: {
  sessionId: string;
  expiresAt: Date;
  user: { id: string; organizationId: string };
}): Promise<void> {
  if (!session.sessionId) return; // a token from before sessions had ids: it lapses by itself
  await writeTransaction(async (tx) => {
    const inserted = await tx.run(sql`INSERT INTO "RevokedSession" ("id", "userId", "expiresAt", "createdAt")
      VALUES (${session.sessionId}, ${session.user.id}, ${session.expiresAt}, ${new Date()}) ON CONFLICT ("id") DO NOTHING`);
    // That device's push notifications end with its session.
    await tx.run(
      sql`DELETE FROM "PushSubscription" WHERE "userId" = ${session.user.id} AND "sessionId" = ${session.sessionId}`,
    );
    if (inserted)
      await appendEvent(
        tx,
        "session.ended",
        { organizationId: session.user.organizationId, audience: "USER", userId: session.user.id },
        { sessionId: session.sessionId },
      );
  });
}

/**
 * Ends every session of a user (sign out everywhere; an admin disabling them or changing
 * their role calls it too): their tokens are refused and their open streams close at once.
 */
export async function revokeSessions(userId: string, organizationId: string): Promise<void> {
  await writeTransaction(async (tx) => {
    const changed = await tx.run(
      sql`UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE "id" = ${userId} AND "organizationId" = ${organizationId}`,
    );
    if (changed)
      await appendEvent(tx, "session.ended", { organizationId, audience: "USER", userId }, { sessionId: null });
    await tx.run(
      sql`DELETE FROM "PushSubscription" WHERE "userId" = ${userId} AND "organizationId" = ${organizationId}`,
    );
  });
}
