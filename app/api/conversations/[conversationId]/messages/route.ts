import { createRoute } from "@/lib/api/route";
import { sendMessageSchema } from "@/lib/inbox/schemas";
import { sendInboxMessage } from "@/lib/inbox/send";

// The send endpoint the message form uses when JavaScript runs (the form's
// server action is the fallback without it). Retries carry the same clientId.
export const POST = createRoute({ schema: sendMessageSchema, roles: ["ADMIN", "MANAGER", "TEAMMATE"] }, async (input, { user }) => {
  const { message, duplicate } = await sendInboxMessage(user, input);
  return { messageId: message.id, seq: message.seq, duplicate, message: message.message };
});
