"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { encode } from "next-auth/jwt";
import { authenticate } from "./credentials";
import { clientAddress } from "./client-address";
import { z } from "zod";
import { createPublicAction } from "@/lib/api/action";
import { UserError } from "@/lib/api/errors";
import { SESSION_COOKIE, SESSION_MAX_AGE, sessionCookieOptions } from "./options";
import { authSecret } from "./secret";
import { signInSchema } from "./schemas";
import { getCurrentUser, revokeSessions } from "./session";
import { homePath, type Role } from "./roles";
import { formatTime } from "@/lib/text/format";

/**
 * Signs in from the sign-in form (works without JavaScript). Issues the same
 * next-auth JWT session cookie that next-auth's own credentials flow issues.
 */
export const signInAction = createPublicAction({ schema: signInSchema }, async (input) => {
  const outcome = await authenticate(input.email, input.password, clientAddress(await headers()));
  if (!outcome.ok) {
    if (outcome.reason !== "locked") throw new UserError("auth.wrongCredentials");
    const until = outcome.until;
    throw new UserError("errors.locked", { time: (locale) => formatTime(until, "UTC", locale) });
  }
  const token = await encode({
    token: { sub: outcome.user.id, sv: outcome.user.sessionVersion },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE,
  });
  (await cookies()).set(SESSION_COOKIE, token, { ...sessionCookieOptions(), maxAge: SESSION_MAX_AGE });
  redirect(input.callbackUrl ?? homePath(outcome.user.role as Role));
});

export const signOutAction = createPublicAction({ schema: z.object({}) }, async () => {
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/sign-in");
});

/** Ends this user's sessions on every device. */
export const signOutEverywhereAction = createPublicAction({ schema: z.object({}) }, async () => {
  const user = await getCurrentUser();
  if (user) await revokeSessions(user.id, user.organizationId);
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/sign-in");
});
