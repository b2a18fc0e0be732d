"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/api/action";
import { sendMessageSchema } from "@/lib/conversations/schemas";
import { sendMessage } from "./index";
import { EVERYONE } from "@/lib/auth/roles";

// The message form's action (inbox and chat alike), used without JavaScript and as the
// fallback of the send endpoint.
export const sendMessageAction = createAction(
  { schema: sendMessageSchema, roles: EVERYONE },
  async (input, { user }) => {
    const { message, duplicate } = await sendMessage(user, input);
    revalidatePath("/inbox", "layout");
    revalidatePath("/me", "layout");
    revalidatePath("/chat", "layout");
    return { messageId: message.id, seq: message.seq, duplicate };
  },
);
