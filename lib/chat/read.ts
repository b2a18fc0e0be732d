import "server-only";
import { sql, writeTransaction } from "@/lib/db/sql";
import type { SessionUser } from "@/lib/auth/roles";
import { appendEvent } from "@/lib/realtime/append";
import { requireChat } from "./access";
import { joinChannel } from "./members";

/**
 * The open page says the reader has seen up to `seq`: forward only, never past the
 * last message. Opening a public conversation one may join is what joins it.
 */
export async function markChatRead(user: SessionUser, conversationId: string, seq: number): Promise<number> {
  const c = await requireChat(user, conversationId);
  const upTo = Math.min(seq, c.lastSeq);
  if (c.standing === "open") {
    await joinChannel(user, c.id, upTo);
    return upTo;
  }
  await writeTransaction(async (ex) => {
    const moved = await ex.run(
      sql`UPDATE "ConversationMember" SET "lastReadSeq" = ${upTo} WHERE "conversationId" = ${c.id} AND "userId" = ${user.id} AND "leftAt" IS NULL AND "lastReadSeq" < ${upTo}`,
    );
    // The user's other tabs and the menu's badge follow.
    if (moved)
      await appendEvent(
        ex,
        "thread.read",
        { organizationId: user.organizationId, audience: "USER", userId: user.id, conversationId: c.id },
        { conversationId: c.id, lastReadSeq: upTo },
      );
  });
  return upTo;
}
