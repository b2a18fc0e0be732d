"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/api/action";
import { muteSchema, pushPreferencesSchema } from "./schemas";
import { setMuted, setPushPreferences } from "./settings";
import { EVERYONE } from "@/lib/auth/roles";

export const setPushPreferencesAction = createAction(
  { schema: pushPreferencesSchema, roles: EVERYONE },
  async (input, { user }) => {
    await setPushPreferences(user, input);
    revalidatePath("/me/profile");
    revalidatePath("/account");
    return { saved: true };
  },
);

export const setMutedAction = createAction({ schema: muteSchema, roles: EVERYONE }, async (input, { user }) => {
  await setMuted(user, input);
  revalidatePath("/me", "layout");
  revalidatePath("/inbox", "layout");
  revalidatePath("/chat", "layout");
  return { muted: input.muted };
});
