import "server-only";
import { db, writeTx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/sql";
import { UserError } from "@/lib/errors";
import { requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { appendEvent } from "@/lib/realtime/append";
import { indexForSearch } from "@/lib/db/search-index";
import type { ThreadNote } from "@/lib/conversations/wire";
import { requireInboxThread } from "./access";
import { mentionedIn } from "./mentions";
import { namesById } from "./names";
import { notifyMentioned } from "./mention-notify";
import type { AddNoteInput } from "./schemas";

export type { ThreadNote };

/**
 * A private note: staff only, stored apart from messages, announced to staff only.
 * Stored once per (author, clientId) like messages.
 */
export async function addPrivateNote(
  user: SessionUser,
  input: AddNoteInput,
): Promise<{ id: string; duplicate: boolean }> {
  requireMessaging(user);
  const thread = await requireInboxThread(user, input.conversationId);
  const stored = async () => {
    const existing = await db.privateNote.findUnique({
      where: { authorId_clientId: { authorId: user.id, clientId: input.clientId } },
      select: { id: true, conversationId: true },
    });
    if (existing && existing.conversationId !== thread.id) throw new UserError("errors.noteSavedElsewhere");
    return existing ? { id: existing.id, duplicate: true } : null;
  };
  const earlier = await stored();
  if (earlier) return earlier;
  const [named, teammate] = await Promise.all([
    mentionedIn(user, input.body),
    db.user.findUnique({ where: { id: thread.teammateId }, select: { firstName: true, lastName: true } }),
  ]);
  try {
    return await writeTx(async (tx, ex) => {
      const note = await tx.privateNote.create({
        data: {
          organizationId: thread.organizationId,
          conversationId: thread.id,
          authorId: user.id,
          body: input.body,
          clientId: input.clientId,
        },
        select: { id: true, createdAt: true },
      });
      const authorName = `${user.firstName} ${user.lastName}`;
      const wire = {
        id: note.id,
        body: input.body,
        createdAt: note.createdAt.toISOString(),
        authorId: user.id,
        authorName,
        mentions: named,
      };
      // Each manager it names: a row (their badge), an event for them alone, a push job.
      for (const person of named) {
        await tx.noteMention.create({
          data: {
            noteId: note.id,
            userId: person.id,
            organizationId: thread.organizationId,
            conversationId: thread.id,
            createdAt: note.createdAt,
          },
          select: { noteId: true },
        });
        await appendEvent(
          ex,
          "note.mentioned",
          { organizationId: thread.organizationId, audience: "USER", userId: person.id, conversationId: thread.id },
          {
            conversationId: thread.id,
            noteId: note.id,
            by: { id: user.id, name: authorName },
            teammateName: teammate ? `${teammate.firstName} ${teammate.lastName}` : "",
          },
        );
        await notifyMentioned(ex, { organizationId: thread.organizationId, noteId: note.id, userId: person.id });
      }
      // Staff find it by its words; the index keeps it a note, which no teammate's search includes.
      await indexForSearch(ex, {
        id: note.id,
        kind: "note",
        organizationId: thread.organizationId,
        conversationId: thread.id,
        chat: false,
        authorId: user.id,
        fromStaff: true,
        at: note.createdAt,
        text: input.body,
      });
      await appendEvent(
        ex,
        "note.created",
        { organizationId: thread.organizationId, audience: "STAFF", conversationId: thread.id },
        { conversationId: thread.id, note: wire },
      );
      return { id: note.id, duplicate: false };
    });
  } catch (error) {
    // The same note retried at the same moment: the unique (author, clientId) index kept one.
    const concurrent = isUniqueViolation(error) ? await stored() : null;
    if (!concurrent) throw error;
    return concurrent;
  }
}

/** Notes of a thread since `since` (the oldest message shown), oldest first. Staff only. */
export async function listNotes(
  user: SessionUser,
  conversationId: string,
  since?: Date,
  before?: Date,
): Promise<ThreadNote[]> {
  requireMessaging(user);
  const rows = await db.privateNote.findMany({
    where: {
      conversationId,
      organizationId: user.organizationId,
      createdAt: { ...(since ? { gte: since } : {}), ...(before ? { lt: before } : {}) },
    },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true,
      body: true,
      createdAt: true,
      authorId: true,
      author: { select: { firstName: true, lastName: true } },
      mentions: { select: { userId: true } },
    },
  });
  const names = await namesById(
    user,
    rows.flatMap((r) => r.mentions.map((m) => m.userId)),
  );
  return rows.map(({ author, mentions, ...n }) => ({
    ...n,
    authorName: `${author.firstName} ${author.lastName}`,
    mentions: mentions.map((m) => ({ id: m.userId, name: names.get(m.userId) ?? "" })),
  }));
}
