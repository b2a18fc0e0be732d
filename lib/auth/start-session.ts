import "server-only";
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE, SESSION_MAX_AGE, sessionCookieOptions } from "./options";
import { authSecret } from "./secret";

/** Signs this browser in: the next-auth JWT cookie that next-auth's credentials flow issues, with this session's own id. */
export async function startSession(user: { id: string; sessionVersion: number }): Promise<void> {
  const token = await encode({
    // jti: this session's own id, so signing out here ends this session only.
    token: { sub: user.id, sv: user.sessionVersion, jti: randomUUID() },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE,
  });
  (await cookies()).set(SESSION_COOKIE, token, { ...sessionCookieOptions(), maxAge: SESSION_MAX_AGE });
}
