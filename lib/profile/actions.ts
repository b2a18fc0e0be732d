"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/api/action";
import { setLocaleSchema } from "./schemas";
import { setLocale } from "./locale";
import { EVERYONE } from "@/lib/auth/roles";

export const setLocaleAction = createAction({ schema: setLocaleSchema, roles: EVERYONE }, async (input, { user }) => {
  await setLocale(user, input.locale);
  revalidatePath("/", "layout");
  return { locale: input.locale };
});
