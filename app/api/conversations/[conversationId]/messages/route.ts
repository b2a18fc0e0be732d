import { createRoute } from "@/lib/api/route";
import { earlierMessagesSchema } from "@/lib/conversations/schemas";
import { earlierPage } from "@/lib/dispatch";
import { noteToWire, toWire } from "@/lib/conversations/wire";
import { EVERYONE } from "@/lib/auth/roles";
import { SEND_ROUTE, sendFromRoute } from "@/lib/dispatch/send-route";

// The send endpoint (lib/dispatch/send-route.ts; `npm start` serves it from the Node server, lib/api/node-routes.ts).
export const POST = createRoute(SEND_ROUTE, sendFromRoute);

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
