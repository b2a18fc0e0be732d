"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/auth/action";
import { sendMessageSchema } from "./schemas";
import { sendInboxMessage } from "./send";

export const sendMessageAction = createAction(
  { schema: sendMessageSchema, roles: ["ADMIN", "MANAGER", "TEAMMATE"] },
  async (input, { user }) => {
    const { message, duplicate } = await sendInboxMessage(user, input);
    revalidatePath("/inbox", "layout");
    revalidatePath("/me", "layout");
    return { messageId: message.id, seq: message.seq, duplicate };
  },
);
