"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { authenticate } from "@/lib/auth/credentials";
import { clientAddress } from "@/lib/auth/client-address";
import { z } from "zod";
import { createPublicAction } from "@/lib/api/action";
import { UserError } from "@/lib/errors";
import { SESSION_COOKIE } from "@/lib/auth/options";
import { startSession } from "@/lib/auth/start-session";
import { signInSchema } from "@/lib/auth/schemas";
import { getCurrentSession, getCurrentUser, revokeSession, revokeSessions } from "@/lib/auth/session";
import { homePath, type Role } from "@/lib/auth/roles";

/**
 * Signs in from the sign-in form (works without JavaScript). Issues the same
 * next-auth JWT session cookie that next-auth's own credentials flow issues.
 */
export const signInAction = createPublicAction({ schema: signInSchema }, async (input) => {
  const outcome = await authenticate(input.email, input.password, clientAddress(await headers()));
  if (!outcome.ok) {
    if (outcome.reason !== "locked") throw new UserError("auth.wrongCredentials");
    // Seconds for the growing delays, minutes for a lock.
    const waitS = Math.max(1, Math.ceil((outcome.until.getTime() - Date.now()) / 1000));
    if (waitS < 60) throw new UserError("errors.lockedSeconds", { seconds: waitS });
    throw new UserError("errors.locked", { minutes: Math.ceil(waitS / 60) });
  }
  await startSession(outcome.user);
  redirect(input.callbackUrl ?? homePath(outcome.user.role as Role));
});

/** Ends this session, on the server too: a copy of its cookie no longer works. Other devices stay signed in. */
export const signOutAction = createPublicAction({ schema: z.object({}) }, async () => {
  const session = await getCurrentSession();
  if (session) await revokeSession(session);
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
