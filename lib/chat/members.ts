import "server-only";
import { writeTx } from "@/lib/db";
import { EMPTY_SQL, sql, writeTransaction, type SqlExec } from "@/lib/db/sql";
import { ForbiddenError, UserError } from "@/lib/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/record";
import { appendEvent } from "@/lib/realtime/append";
import { postMessage } from "@/lib/conversations/post";
import type { ChatNotice } from "@/lib/realtime/event-types";
import { requireChat, type ChatRef } from "./access";
import { joinedEvent } from "./conversations";
import { fullName, requireDepartmentPeople } from "./people";

// Joining, adding, leaving and deleting. What others should know ("Tess left") is a
// notice in the conversation, through the messaging core like every message.

const author = (user: SessionUser) => fullName(user);

function notice(ex: SqlExec, c: ChatRef, n: ChatNotice, at = new Date()) {
  return postMessage(ex, {
    organizationId: c.organizationId,
    conversationId: c.id,
    author: null,
    kind: "SYSTEM",
    body: "",
    notice: n,
    at,
    where: { kind: c.kind },
  });
}

/**
 * Joins a public conversation the user may see (by opening it, or "Join again" after
 * leaving), reading up to `readSeq`. A member already is one: nothing changes.
 */
export async function joinChannel(
  user: SessionUser,
  conversationId: string,
  readSeq = 0,
  opts: { again?: boolean } = {},
): Promise<ChatRef> {
  const c = await requireChat(user, conversationId, { allowLeft: opts.again });
  if (c.standing === "member") return c;
  const upTo = Math.min(readSeq, c.lastSeq);
  await writeTransaction(async (ex) => {
    const now = new Date();
    await ex.run(sql`INSERT INTO "ConversationMember" ("conversationId", "userId", "joinedAt", "lastReadSeq") VALUES (${c.id}, ${user.id}, ${now}, ${upTo})
      ON CONFLICT ("conversationId", "userId") DO UPDATE SET "leftAt" = NULL, "joinedAt" = excluded."joinedAt", "lastReadSeq" = excluded."lastReadSeq"`);
    await joinedEvent(ex, c.organizationId, c.id, user.id);
    // Coming back is worth telling; a first join by opening is not (a department may be large).
    if (c.standing === "left") await notice(ex, c, { key: "joined", actor: author(user) }, now);
  });
  return { ...c, standing: "member", lastReadSeq: upTo };
}

/** Adds people of the conversation's department to a private conversation (any current member may). */
export async function addMembers(
  user: SessionUser,
  conversationId: string,
  memberIds: string[],
): Promise<{ added: number }> {
  const c = await requireChat(user, conversationId);
  if (c.standing !== "member") throw new ForbiddenError();
  if (c.kind !== "GROUP" || !c.departmentId) throw new UserError("errors.chat.publicHasEveryone");
  return writeTx(async (tx, ex) => {
    const people = await requireDepartmentPeople(tx, user, c.departmentId!, memberIds);
    const current = await tx.conversationMember.findMany({
      where: { conversationId: c.id, leftAt: null },
      select: { userId: true },
    });
    const inIt = new Set(current.map((m) => m.userId));
    const added = people.filter((p) => !inIt.has(p.id));
    if (added.length === 0) throw new UserError("errors.chat.alreadyIn", undefined, "memberIds");
    const now = new Date();
    for (const p of added) {
      await ex.run(sql`INSERT INTO "ConversationMember" ("conversationId", "userId", "joinedAt", "lastReadSeq") VALUES (${c.id}, ${p.id}, ${now}, 0)
        ON CONFLICT ("conversationId", "userId") DO UPDATE SET "leftAt" = NULL, "joinedAt" = excluded."joinedAt"`);
      await joinedEvent(ex, c.organizationId, c.id, p.id);
    }
    await notice(ex, c, { key: "added", actor: author(user), names: added.map(fullName) }, now);
    return { added: added.length };
  });
}

/** Leaves a conversation: no more of its messages or notifications; the others read that the user left. */
export async function leaveChat(user: SessionUser, conversationId: string): Promise<void> {
  const c = await requireChat(user, conversationId);
  if (c.standing !== "member") return;
  await writeTx(async (tx, ex) => {
    // The notice first: the user's own devices show it, then stop hearing the conversation.
    await notice(ex, c, { key: "left", actor: author(user) });
    await tx.conversationMember.update({
      where: { conversationId_userId: { conversationId: c.id, userId: user.id } },
      data: { leftAt: new Date() },
    });
    await appendEvent(
      ex,
      "chat.left",
      { organizationId: c.organizationId, audience: "USER", userId: user.id, conversationId: c.id },
      { conversationId: c.id },
    );
  });
}

/** Deletes a conversation for everyone: its creator, or staff who can see it. Its rows are kept, marked deleted. */
export async function deleteChat(user: SessionUser, conversationId: string): Promise<void> {
  const c = await requireChat(user, conversationId, { allowLeft: isStaff(user.role) });
  if (c.createdById !== user.id && !isStaff(user.role)) throw new ForbiddenError("errors.chat.deleteNotYours");
  await writeTx(async (tx, ex) => {
    const done = await tx.conversation.updateMany({
      where: { id: c.id, organizationId: c.organizationId, deletedAt: null },
      data: { deletedAt: new Date() },
    });
    if (done.count === 0) return;
    await audit(tx, user, "chat.deleted", { type: "Conversation", id: c.id }, { kind: c.kind, name: c.name });
    const target = {
      organizationId: c.organizationId,
      audience: "CHAT" as const,
      conversationId: c.id,
      departmentId: c.kind === "CHANNEL" ? c.departmentId : null,
    };
    await appendEvent(ex, "chat.changed", target, { conversationId: c.id, change: "deleted" });
  });
}

/**
 * A teammate moved to another department (or made inactive) leaves the public
 * conversations of the department they left, in the transaction that moves them: their
 * pages and streams stop hearing them at once. Private conversations are theirs to keep.
 */
export async function leaveOtherDepartments(
  ex: SqlExec,
  who: { id: string; organizationId: string },
  departmentId: string | null,
): Promise<void> {
  const left = await ex.all(
    sql`
    SELECT m."conversationId" FROM "ConversationMember" m JOIN "Conversation" c ON c."id" = m."conversationId"
    WHERE m."userId" = ${who.id} AND m."leftAt" IS NULL AND c."organizationId" = ${who.organizationId} AND c."kind" = 'CHANNEL'
      ${departmentId ? sql`AND c."departmentId" <> ${departmentId}` : EMPTY_SQL}`,
    { conversationId: "text" },
  );
  for (const { conversationId } of left) {
    await ex.run(
      sql`UPDATE "ConversationMember" SET "leftAt" = ${new Date()} WHERE "conversationId" = ${conversationId} AND "userId" = ${who.id}`,
    );
    await appendEvent(
      ex,
      "chat.left",
      { organizationId: who.organizationId, audience: "USER", userId: who.id, conversationId },
      { conversationId },
    );
  }
}
