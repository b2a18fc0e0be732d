import "server-only";

// The session cookie. Shiftline signs in through its own action (lib/account/actions.ts),
// which issues next-auth's JWT; next-auth's HTTP endpoints (/api/auth/*) are not served:
// they answered a revoked session as signed in, and nothing here uses them.

export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;
export const SESSION_COOKIE = "shiftline.session";

/**
 * Whether the session cookie is Secure (sent over https only). In production (`npm start`)
 * it is, unless NEXTAUTH_URL says explicitly that this runs on plain http on this machine
 * (http://localhost…, http://127.0.0.1…). In development it follows NEXTAUTH_URL.
 */
export function cookiesSecure(env: Record<string, string | undefined> = process.env): boolean {
  const url = env.NEXTAUTH_URL ?? "";
  if (url.startsWith("https://")) return true;
  if (env.NODE_ENV !== "production") return false;
  return !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(url);
}

export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: cookiesSecure() };
}
