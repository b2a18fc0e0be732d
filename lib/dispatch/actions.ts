"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/api/action";
import { deleteMessageSchema, editMessageSchema, sendMessageSchema } from "@/lib/conversations/schemas";
import { reviseMessage, sendMessage } from "./index";
import { EVERYONE } from "@/lib/auth/roles";

// The message form's action (inbox and chat alike), used without JavaScript and as the
// fallback of the send endpoint.
export const sendMessageAction = createAction(
  { schema: sendMessageSchema, roles: EVERYONE },
  async (input, { user }) => {
    const { message, duplicate } = await sendMessage(user, input);
    revalidateConversations();
    return { messageId: message.id, seq: message.seq, duplicate };
  },
);

function revalidateConversations() {
  revalidatePath("/inbox", "layout");
  revalidatePath("/me", "layout");
  revalidatePath("/chat", "layout");
}

/** The author's new words for a message (within the organisation's window). */
export const editMessageAction = createAction(
  { schema: editMessageSchema, roles: EVERYONE },
  async ({ body, ...input }, { user }) => {
    const message = await reviseMessage(user, input, { edit: body });
    revalidateConversations();
    return { message };
  },
);

/** A message deleted by its author, or by an admin: readers see "Message deleted". */
export const deleteMessageAction = createAction(
  { schema: deleteMessageSchema, roles: EVERYONE },
  async (input, { user }) => {
    const message = await reviseMessage(user, input, { delete: true });
    revalidateConversations();
    return { message };
  },
);
