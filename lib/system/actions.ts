"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/api/action";
import { ADMINS } from "@/lib/auth/roles";
import { discardJob, retryJob } from "./jobs";

const jobSchema = z.object({ jobId: z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest") });

export const retryJobAction = createAction({ schema: jobSchema, roles: ADMINS }, async (input, { user }) => {
  await retryJob(user, input.jobId);
  revalidatePath("/settings/system");
  // The job leaves the list: the page says what became of it.
  redirect("/settings/system?done=retried");
});

export const discardJobAction = createAction({ schema: jobSchema, roles: ADMINS }, async (input, { user }) => {
  await discardJob(user, input.jobId);
  revalidatePath("/settings/system");
  redirect("/settings/system?done=discarded");
});
