import "server-only";
import { db } from "@/lib/db";
import { joinSql, queryAll, sql } from "@/lib/db/sql";
import { NotFoundError } from "@/lib/errors";
import { requireMessaging, requireRole } from "@/lib/auth/authorize";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import type { SearchScope } from "@/lib/db/search-index";
import { parseQuery } from "@/lib/db/search-words";
import { findMessages, type Found } from "@/lib/conversations/search";
import { conversationUrl } from "@/lib/conversations/paths";
import { listChats } from "@/lib/chat/queries";
import { addDays, isoDay, zonedToUtc } from "@/lib/text/time";
import { requireInboxThread } from "./access";
import { teammateThreadId } from "./queries";
import type { SearchInput } from "./schemas";

// Searching messages, for each reader what they may read: staff with messaging, every inbox
// thread of the organisation and its private notes; a teammate, their own thread and the
// chats they see, never a note (the engine's scope leaves notes out) nor another's thread.

type SearchResult = Found & {
  /** Whose thread, or which chat. */
  place: string;
  /** Opens the conversation at this message (or the note). */
  href: string;
};
export type SearchPage = { results: SearchResult[]; more: boolean };

/** The organisation's days, from the first's midnight to the day after the last. */
function days(input: SearchInput, timeZone: string): Pick<SearchScope, "from" | "to"> {
  return {
    from: input.from ? zonedToUtc(`${input.from}T00:00`, timeZone) : undefined,
    to: input.to ? zonedToUtc(`${isoDay(addDays(new Date(`${input.to}T00:00Z`), 1))}T00:00`, timeZone) : undefined,
  };
}

const at = (seq: number | null, noteId?: string) =>
  `?${new URLSearchParams({ ...(seq ? { at: String(seq) } : {}), ...(noteId ? { note: noteId } : {}) })}`;

/** For each note, the message just before it in its thread: a note opens there, so the page holds it. One query. */
async function messageBefore(noteIds: string[]): Promise<Map<string, number | null>> {
  if (noteIds.length === 0) return new Map();
  const rows = await queryAll(
    sql`SELECT n."id", (SELECT MAX(m."seq") FROM "Message" m WHERE m."conversationId" = n."conversationId"
      AND m."createdAt" <= n."createdAt" AND m."deletedAt" IS NULL) AS "seq"
    FROM "PrivateNote" n WHERE n."id" IN (${joinSql(
      noteIds.map((id) => sql`${id}`),
      ", ",
    )})`,
    { id: "text", seq: "int?" },
  );
  return new Map(rows.map((r) => [r.id, r.seq]));
}

/** Staff: every inbox thread's messages and notes. */
export async function searchInbox(user: SessionUser, input: SearchInput, timeZone: string): Promise<SearchPage> {
  requireMessaging(user);
  const scope: SearchScope = {
    organizationId: user.organizationId,
    place: "inbox",
    notes: true,
    ...days(input, timeZone),
  };
  if (input.in) scope.conversationIds = [(await requireInboxThread(user, input.in)).id];
  if (input.author === "me") scope.authorId = user.id;
  else if (input.author === "teammate") scope.fromStaff = false;
  else if (input.author === "staff") scope.fromStaff = true;
  else if (input.author) {
    const person = await db.user.findFirst({
      where: { id: input.author, organizationId: user.organizationId, role: { in: ["ADMIN", "MANAGER"] } },
      select: { id: true },
    });
    if (!person) throw new NotFoundError("errors.notFound.person");
    scope.authorId = person.id;
  }
  const { found, more } = await findMessages(parseQuery(input.q), scope, input);
  const before = await messageBefore(found.filter((f) => f.kind === "note").map((f) => f.id));
  return {
    more,
    results: found.map((f) => ({
      ...f,
      place: f.teammate ? `${f.teammate.firstName} ${f.teammate.lastName}` : "",
      href: `${conversationUrl("INBOX", f.conversationId, true)}${
        f.kind === "note" ? at(before.get(f.id) ?? null, f.id) : at(f.seq)
      }`,
    })),
  };
}

/** The conversations a teammate may search: their own thread and the chats they see (none when chat is off). */
export async function searchableByTeammate(user: SessionUser): Promise<{ id: string; title: string; chat: boolean }[]> {
  requireRole(user, ["TEAMMATE"]);
  const [own, chats] = await Promise.all([
    teammateThreadId(user),
    listChats(user).catch((error: unknown) => {
      if (error instanceof NotFoundError) return { rows: [], others: [] };
      throw error;
    }),
  ]);
  return [
    ...(own ? [{ id: own, title: "", chat: false }] : []),
    ...[...chats.rows, ...chats.others].map((c) => ({ id: c.id, title: c.title, chat: true })),
  ];
}

/** A teammate: their own thread and their chats. */
export async function searchMine(user: SessionUser, input: SearchInput, timeZone: string): Promise<SearchPage> {
  if (isStaff(user.role)) throw new NotFoundError("errors.notFound.page");
  const places = await searchableByTeammate(user);
  if (input.in && !places.some((p) => p.id === input.in)) throw new NotFoundError("errors.notFound.conversation");
  if (input.author && input.author !== "me" && input.author !== "staff")
    throw new NotFoundError("errors.notFound.person");
  const scope: SearchScope = {
    organizationId: user.organizationId,
    conversationIds: input.in ? [input.in] : places.map((p) => p.id),
    notes: false,
    ...(input.author === "me" ? { authorId: user.id } : input.author === "staff" ? { fromStaff: true } : {}),
    ...days(input, timeZone),
  };
  if (scope.conversationIds!.length === 0) return { results: [], more: false };
  const { found, more } = await findMessages(parseQuery(input.q), scope, input);
  const titles = new Map(places.map((p) => [p.id, p.title]));
  return {
    more,
    results: found.map((f) => ({
      ...f,
      place: titles.get(f.conversationId) ?? "",
      href: `${f.conversationKind === "INBOX" ? `/me/messages/${encodeURIComponent(f.conversationId)}` : conversationUrl(f.conversationKind, f.conversationId, false)}${at(f.seq)}`,
    })),
  };
}
