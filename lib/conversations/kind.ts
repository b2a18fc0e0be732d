import "server-only";
import { queryOne, sql } from "@/lib/db/sql";
import type { SessionUser } from "@/lib/auth/roles";
import type { ConversationKind } from "./paths";

/** The kind of a conversation of the user's organisation, to send its requests the right way (null: none). */
export async function conversationKind(user: SessionUser, conversationId: string): Promise<ConversationKind | null> {
  const c = await queryOne(
    sql`SELECT "kind" FROM "Conversation" WHERE "id" = ${conversationId} AND "organizationId" = ${user.organizationId}`,
    {
      kind: "text",
    },
  );
  return (c?.kind as ConversationKind | undefined) ?? null;
}
