"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { encode } from "next-auth/jwt";
import { authenticate } from "./credentials";
import { clientAddress } from "./client-address";
import { invalidResult, type ActionResult } from "@/lib/api/result";
import { SESSION_COOKIE, SESSION_MAX_AGE, sessionCookieOptions } from "./options";
import { authSecret } from "./secret";
import { signInSchema } from "./schemas";
import { getCurrentUser, revokeSessions } from "./session";
import { homePath, type Role } from "./roles";

/**
 * Signs in from the sign-in form (works without JavaScript). Issues the same
 * next-auth JWT session cookie that next-auth's own credentials flow issues.
 */
export async function signInAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const raw = { email: form.get("email") ?? "", password: form.get("password") ?? "", callbackUrl: form.get("callbackUrl") ?? undefined };
  const values = { email: String(raw.email) };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return invalidResult(parsed.error, values);

  const outcome = await authenticate(parsed.data.email, parsed.data.password, clientAddress(await headers()));
  if (!outcome.ok) {
    const error =
      outcome.reason === "locked"
        ? `Too many failed attempts. Try again after ${outcome.until.toISOString().slice(11, 16)} UTC.`
        : "Wrong e-mail or password.";
    return { ok: false, error, values };
  }
  const token = await encode({
    token: { sub: outcome.user.id, sv: outcome.user.sessionVersion },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE,
  });
  (await cookies()).set(SESSION_COOKIE, token, { ...sessionCookieOptions(), maxAge: SESSION_MAX_AGE });
  redirect(parsed.data.callbackUrl ?? homePath(outcome.user.role as Role));
}

export async function signOutAction(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/sign-in");
}

/** Ends this user's sessions on every device. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await revokeSessions(user.id, user.organizationId);
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/sign-in");
}
