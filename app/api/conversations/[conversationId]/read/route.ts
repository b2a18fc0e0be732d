import { createRoute } from "@/lib/api/route";
import { markReadSchema } from "@/lib/conversations/schemas";
import { markRead } from "@/lib/dispatch";
import { EVERYONE } from "@/lib/auth/roles";

// The reader's position in a thread, recorded by the open page (never during render).
export const POST = createRoute({ schema: markReadSchema, roles: EVERYONE }, async (input, { user }) => {
  const lastReadSeq = await markRead(user, input.conversationId, input.seq, input.openedAt);
  return { lastReadSeq };
});
