import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { joinSql, queryAll, sql } from "@/lib/db/sql";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { requireChat, requireChatOn, type ChatKind, type ChatRef } from "./access";
import { departmentOf } from "@/lib/org/departments";
import { fullName, type Person } from "./people";
import { messagePage, type MessagePage } from "@/lib/conversations/pages";
import { findMessages } from "@/lib/conversations/search";
import { parseQuery } from "@/lib/db/search-words";
import type { SnippetPart } from "@/lib/text/snippet";

export type ChatRow = {
  id: string;
  kind: ChatKind;
  /** Its name, or for an unnamed private one the other people's names. */
  title: string;
  departmentName: string | null;
  lastMessageAt: Date | null;
  preview: string | null;
  unread: number;
  /** A public conversation the user has not joined yet (it shows as new). */
  joined: boolean;
};

const CHAT_KINDS = ["CHANNEL", "GROUP"] as const;
const SELECT = {
  id: true,
  kind: true,
  name: true,
  createdAt: true,
  lastMessageAt: true,
  lastMessagePreview: true,
  department: { select: { name: true } },
} as const;

/**
 * The user's conversations, newest first: those they are in, and the public ones of
 * their department they have not opened yet (which count as unread: that is how they
 * hear of them). Staff also get, apart, the public conversations of every department.
 */
export async function listChats(
  user: SessionUser,
  /** The menu's badge needs the counts only: no titles of unnamed conversations, no left ones. */
  opts: { countsOnly?: boolean } = {},
): Promise<{ rows: ChatRow[]; others: ChatRow[]; left: ChatRow[] }> {
  await requireChatOn(user);
  const own = await departmentOf(user);
  const staff = isStaff(user.role);
  const scope = { organizationId: user.organizationId, deletedAt: null, kind: { in: [...CHAT_KINDS] } };
  const [memberships, open, left] = await Promise.all([
    db.conversationMember.findMany({
      where: { userId: user.id, leftAt: null, conversation: scope },
      select: { lastReadSeq: true, conversation: { select: SELECT } },
    }),
    staff || own
      ? db.conversation.findMany({
          where: {
            ...scope,
            kind: "CHANNEL",
            members: { none: { userId: user.id } },
            ...(staff ? {} : { departmentId: own }),
          },
          select: SELECT,
          orderBy: { createdAt: "desc" },
          take: 200,
        })
      : [],
    // Public conversations one left, to join again (private ones are gone once left).
    (staff || own) && !opts.countsOnly
      ? db.conversation.findMany({
          where: {
            ...scope,
            kind: "CHANNEL",
            members: { some: { userId: user.id, leftAt: { not: null } } },
            ...(staff ? {} : { departmentId: own }),
          },
          select: SELECT,
          orderBy: { createdAt: "desc" },
          take: 50,
        })
      : [],
  ]);
  const counted = [
    ...memberships.map((m) => ({ id: m.conversation.id, after: m.lastReadSeq })),
    ...(staff ? [] : open.map((c) => ({ id: c.id, after: 0 }))),
  ];
  const [unread, names] = await Promise.all([
    unreadCounts(user, counted),
    opts.countsOnly
      ? new Map<string, string>()
      : groupNames(
          user,
          memberships.map((m) => m.conversation),
        ),
  ]);
  const row = (c: (typeof open)[number], joined: boolean): ChatRow => ({
    id: c.id,
    kind: c.kind === "CHANNEL" ? "CHANNEL" : "GROUP",
    title: c.name ?? names.get(c.id) ?? "",
    departmentName: c.department?.name ?? null,
    lastMessageAt: c.lastMessageAt ?? c.createdAt,
    preview: c.lastMessagePreview,
    unread: unread.get(c.id) ?? 0,
    joined,
  });
  const newest = (a: ChatRow, b: ChatRow) => (b.lastMessageAt?.getTime() ?? 0) - (a.lastMessageAt?.getTime() ?? 0);
  const rows = [
    ...memberships.map((m) => row(m.conversation, true)),
    ...(staff ? [] : open.map((c) => row(c, false))),
  ].sort(newest);
  return {
    rows,
    others: staff ? open.map((c) => row(c, false)).sort(newest) : [],
    left: left.map((c) => ({ ...row(c, false), preview: null })),
  };
}

/** The Chat menu's badge: unread messages in every conversation the list counts. */
export async function chatUnreadTotal(user: SessionUser): Promise<number> {
  const { rows } = await listChats(user, { countsOnly: true });
  return rows.reduce((n, r) => n + r.unread, 0);
}

/** Messages from others after each read position (notices do not count), in one query. */
async function unreadCounts(user: SessionUser, list: { id: string; after: number }[]): Promise<Map<string, number>> {
  if (list.length === 0) return new Map();
  const ids = joinSql(
    list.map((c) => sql`${c.id}`),
    ", ",
  );
  const after = joinSql(
    list.map((c) => sql`WHEN ${c.id} THEN CAST(${c.after} AS INTEGER)`),
    " ",
  );
  const rows = await queryAll(
    sql`SELECT "conversationId" AS "id", COUNT(*) AS "n" FROM "Message"
    WHERE "conversationId" IN (${ids}) AND "kind" <> 'SYSTEM' AND "deletedAt" IS NULL AND ("authorId" IS NULL OR "authorId" <> ${user.id})
      AND "seq" > CASE "conversationId" ${after} END
    GROUP BY "conversationId"`,
    { id: "text", n: "int" },
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Unnamed private conversations are called by the other people in them. */
async function groupNames(
  user: SessionUser,
  list: { id: string; kind: string; name: string | null }[],
): Promise<Map<string, string>> {
  const unnamed = list.filter((c) => c.kind === "GROUP" && !c.name).map((c) => c.id);
  if (unnamed.length === 0) return new Map();
  const members = await db.conversationMember.findMany({
    where: { conversationId: { in: unnamed }, userId: { not: user.id } },
    select: { conversationId: true, user: { select: { firstName: true, lastName: true } } },
    orderBy: { joinedAt: "asc" },
  });
  const out = new Map<string, string[]>();
  for (const m of members) out.set(m.conversationId, [...(out.get(m.conversationId) ?? []), fullName(m.user)]);
  return new Map([...out].map(([id, n]) => [id, n.join(", ")]));
}

type Participant = Person & { role: string; isCreator: boolean };

export type ChatThread = MessagePage & {
  ref: ChatRef;
  title: string;
  departmentName: string | null;
  participants: Participant[];
  /** What the user may do here. */
  canDelete: boolean;
  canAdd: boolean;
};

/**
 * An open conversation: its newest messages and who is in it. A public one the user left
 * offers "Join again" only. Read once per request (the page and its tab title share it).
 */
export const getChatThread = cache(
  async (user: SessionUser, conversationId: string, at?: number): Promise<ChatThread> => {
    const ref = await requireChat(user, conversationId, { allowLeft: true });
    const [page, members, department] = await Promise.all([
      ref.standing === "left" ? { messages: [], hasEarlier: false, goneShiftIds: [] } : messagePage(ref.id, "", { at }),
      db.conversationMember.findMany({
        where: { conversationId: ref.id, leftAt: null },
        select: { user: { select: { id: true, firstName: true, lastName: true, role: true } } },
        orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }],
      }),
      ref.departmentId ? db.department.findUnique({ where: { id: ref.departmentId }, select: { name: true } }) : null,
    ]);
    const participants = members.map(({ user: u }) => ({ ...u, isCreator: u.id === ref.createdById }));
    const others = participants.filter((p) => p.id !== user.id);
    return {
      ...page,
      ref,
      title: ref.name ?? (others.map(fullName).join(", ") || fullName(user)),
      departmentName: department?.name ?? null,
      participants,
      canDelete: ref.createdById === user.id || isStaff(user.role),
      canAdd: ref.kind === "GROUP" && ref.standing === "member",
    };
  },
);

/** A chat's name for its browser tab, or null when the reader may not open it. */
export async function chatTitle(user: SessionUser, conversationId: string): Promise<string | null> {
  try {
    return (await getChatThread(user, conversationId)).title;
  } catch {
    return null; // not found or not allowed: the page itself says so
  }
}

/** The page before message `beforeSeq`, for a reader scrolling back. */
export async function earlierChatMessages(
  user: SessionUser,
  conversationId: string,
  beforeSeq: number,
): Promise<MessagePage> {
  const ref = await requireChat(user, conversationId);
  return messagePage(ref.id, "", { before: beforeSeq });
}

export type SearchHit = {
  conversationId: string;
  title: string;
  messageId: string;
  seq: number;
  /** The words around the match, matching words marked. */
  parts: SnippetPart[];
  authorName: string | null;
  createdAt: Date;
};

/**
 * Messages matching `q` (word forms, accents and case aside, "phrases"; lib/db/search-index.ts),
 * in the conversations the user can see: those they are in, and the public ones of their
 * department they have not left. Newest first.
 */
export async function searchChats(user: SessionUser, q: string): Promise<SearchHit[]> {
  const { rows, others } = await listChats(user);
  const visible = [...rows, ...others];
  if (visible.length === 0) return [];
  const titles = new Map(visible.map((r) => [r.id, r.title]));
  const { found } = await findMessages(
    parseQuery(q),
    { organizationId: user.organizationId, conversationIds: visible.map((r) => r.id), place: "chat", notes: false },
    { order: "newest", page: 1 },
  );
  return found.map((h) => ({
    conversationId: h.conversationId,
    title: titles.get(h.conversationId) ?? "",
    messageId: h.id,
    seq: h.seq ?? 0,
    parts: h.parts,
    authorName: h.authorName,
    createdAt: h.createdAt,
  }));
}
