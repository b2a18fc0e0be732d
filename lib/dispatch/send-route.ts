import "server-only";
import { sendMessageSchema, type SendMessageInput } from "@/lib/conversations/schemas";
import { sendMessage } from "./index";
import { EVERYONE } from "@/lib/auth/roles";
import type { ActionContext } from "@/lib/api/action";
import { nodeRoute } from "@/lib/api/node-routes";

// POST /api/conversations/:id/messages, the send endpoint (inbox and chat alike) the message
// form uses when JavaScript runs (the form's server action is the fallback without it).
// Retries carry the same clientId. Served by Next.js (the route file, and `next dev`) and,
// under `npm start`, straight from the Node server (lib/api/node-routes.ts, registered by
// instrumentation.ts): one definition.

export const SEND_ROUTE = { schema: sendMessageSchema, roles: EVERYONE };

export async function sendFromRoute(input: SendMessageInput, { user }: ActionContext) {
  const { message, duplicate } = await sendMessage(user, input);
  return { messageId: message.id, seq: message.seq, duplicate, message: message.message };
}

/** The same, as `npm start`'s Node server serves it. */
export const nodeSendRoute = nodeRoute(
  "POST",
  /^\/api\/conversations\/([^/?#]+)\/messages(?:\?.*)?$/,
  ["conversationId"],
  SEND_ROUTE,
  sendFromRoute,
);
