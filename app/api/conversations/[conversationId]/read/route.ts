import { createRoute } from "@/lib/api/route";
import { markReadSchema } from "@/lib/inbox/schemas";
import { markThreadRead } from "@/lib/inbox/read";

// The reader's position in a thread, recorded by the open page (never during render).
export const POST = createRoute({ schema: markReadSchema, roles: ["ADMIN", "MANAGER", "TEAMMATE"] }, async (input, { user }) => {
  const lastReadSeq = await markThreadRead(user, input.conversationId, input.seq, input.openedAt);
  return { lastReadSeq };
});
