"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/api/action";
import { smsSenderSchema } from "./schemas";
import { setSmsSender } from "./sender";
import { ADMINS } from "@/lib/auth/roles";

/** Settings: the organisation's own Twilio number or Messaging Service (empty: the server's shared sender). */
export const setSmsSenderAction = createAction({ schema: smsSenderSchema, roles: ADMINS }, async (input, { user }) => {
  await setSmsSender(user, input.sender);
  revalidatePath("/settings");
  return { saved: true };
});
