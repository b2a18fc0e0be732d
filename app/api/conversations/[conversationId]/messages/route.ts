import { createRoute } from "@/lib/api/route";
import { earlierMessagesSchema, sendMessageSchema } from "@/lib/conversations/schemas";
import { earlierPage, sendMessage } from "@/lib/dispatch";
import { noteToWire, toWire } from "@/lib/conversations/wire";
import { EVERYONE } from "@/lib/auth/roles";

// The send endpoint (inbox and chat alike) the message form uses when JavaScript runs (the form's
// server action is the fallback without it). Retries carry the same clientId.
export const POST = createRoute({ schema: sendMessageSchema, roles: EVERYONE }, async (input, { user }) => {
  const { message, duplicate } = await sendMessage(user, input);
  return { messageId: message.id, seq: message.seq, duplicate, message: message.message };
});

// GET ?before=SEQ: the page before that message, when a reader scrolls back (notes for staff only).
export const GET = createRoute({ schema: earlierMessagesSchema, roles: EVERYONE }, async (input, { user }) => {
  const page = await earlierPage(user, input.conversationId, input.before);
  return {
    messages: page.messages.map(toWire),
    notes: page.notes.map(noteToWire),
    hasEarlier: page.hasEarlier,
    goneShiftIds: page.goneShiftIds,
  };
});
