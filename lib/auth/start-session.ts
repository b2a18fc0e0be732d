import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE, SESSION_MAX_AGE, sessionCookieOptions } from "./options";
import { authSecret } from "./secret";

/** Signs this browser in: the next-auth JWT cookie that next-auth's credentials flow issues, with this session's own id. */
export async function startSession(user: { id: string; sessionVersion: number }): Promise<void> {
  const token = await encode({
    // next-auth's encode gives each token a random jti of its own (a jti set here is replaced):
    // that is this session's id, so signing out here ends this session only.
    token: { sub: user.id, sv: user.sessionVersion },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE,
  });
  (await cookies()).set(SESSION_COOKIE, token, { ...sessionCookieOptions(), maxAge: SESSION_MAX_AGE });
}
