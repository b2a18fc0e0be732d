import { createRoute } from "@/lib/api/route";
import { confirmMessageSchema } from "@/lib/inbox/schemas";
import { confirmMessage } from "@/lib/inbox/follow-up";
import { TEAMMATES } from "@/lib/auth/roles";

// The teammate confirms they read a grouped message's copy. Sent again from the device's
// queue after being offline: once confirmed, a second post changes nothing.
export const POST = createRoute({ schema: confirmMessageSchema, roles: TEAMMATES }, async (input, { user }) => {
  const { confirmedAt } = await confirmMessage(user, input);
  return { confirmedAt: confirmedAt.toISOString() };
});
