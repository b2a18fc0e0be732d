import "server-only";
import { db } from "@/lib/db";
import { decoyHash, verifyPassword } from "./password";
import { clearAccount, lockedUntil, recordFailure, throttleKeys } from "./throttle";

type Authenticated = { id: string; sessionVersion: number; role: string; organizationId: string };
export type AuthOutcome =
  { ok: true; user: Authenticated } | { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; until: Date };

/** Checks an e-mail and password, with throttling. Used by the sign-in form and next-auth's credentials provider. */
export async function authenticate(email: string, password: string, ip: string): Promise<AuthOutcome> {
  const keys = throttleKeys(email, ip);
  const until = await lockedUntil(keys);
  if (until) return { ok: false, reason: "locked", until };

  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, passwordHash: true, sessionVersion: true, role: true, organizationId: true, disabledAt: true },
  });
  // Hash even when there is no such account, so timing does not tell.
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !matches || user.disabledAt) {
    await recordFailure(keys);
    return { ok: false, reason: "invalid" };
  }
  await clearAccount(keys);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() }, select: { id: true } });
  return {
    ok: true,
    user: { id: user.id, sessionVersion: user.sessionVersion, role: user.role, organizationId: user.organizationId },
  };
}
