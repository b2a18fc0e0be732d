"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { createAction, createPublicAction } from "@/lib/api/action";
import { changePasswordSchema, resetRequestSchema, setPasswordSchema } from "@/lib/admin/schemas";
import { changeOwnPassword, requestPasswordReset, setPasswordWithLink } from "@/lib/admin/passwords";
import { startSession } from "@/lib/auth/start-session";
import { homePath, EVERYONE } from "@/lib/auth/roles";
import { clientAddress } from "@/lib/auth/client-address";

/** From an invitation's or a reset's link: sets the password once, then signs in. */
export const setPasswordAction = createPublicAction({ schema: setPasswordSchema }, async (input) => {
  const user = await setPasswordWithLink(input.token, input.purpose, input.password);
  await startSession(user);
  redirect(homePath(user.role, user.messagingAccess));
});

/** "Forgot your password": always the same answer, whether the address has an account or not. */
export const requestResetAction = createPublicAction({ schema: resetRequestSchema }, async (input) => {
  await requestPasswordReset(input.email, clientAddress(await headers()));
  return { sent: true };
});

/** One's own password, knowing the current one; this device stays signed in, the others are signed out. */
export const changePasswordAction = createAction(
  { schema: changePasswordSchema, roles: EVERYONE },
  async (input, { user }) => {
    const fresh = await changeOwnPassword(user, input.current, input.password);
    await startSession(fresh);
    return { changed: true };
  },
);
