import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { requireAdmin } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import type { ConversationKind } from "./paths";

// A message's history, for admins: what it said when sent, each edit with its new words, and
// its deletion, each with who and when (lib/conversations/revise.ts keeps the versions).

export type HistoryEntry = {
  change: "sent" | "edited" | "deleted";
  at: Date;
  /** null: the person is no longer in the organisation. */
  by: string | null;
  /** The words from this change on (none once deleted). */
  body: string | null;
  files: string[];
};

export async function messageHistory(user: SessionUser, messageId: string) {
  requireAdmin(user);
  const m = await db.message.findFirst({
    where: { id: messageId, organizationId: user.organizationId, kind: "TEXT" },
    select: {
      id: true,
      seq: true,
      body: true,
      createdAt: true,
      authorId: true,
      attachments: { select: { fileName: true }, orderBy: { position: "asc" } },
      conversation: {
        select: { id: true, kind: true, name: true, teammate: { select: { firstName: true, lastName: true } } },
      },
      versions: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { body: true, files: true, change: true, byId: true, at: true },
      },
    },
  });
  if (!m) throw new NotFoundError("errors.notFound.message");
  const ids = [...new Set([m.authorId, ...m.versions.map((v) => v.byId)].filter((x): x is string => Boolean(x)))];
  const people = new Map(
    (
      await db.user.findMany({
        where: { id: { in: ids }, organizationId: user.organizationId },
        select: { id: true, firstName: true, lastName: true },
      })
    ).map((p) => [p.id, `${p.firstName} ${p.lastName}`]),
  );
  const name = (id: string | null) => (id ? (people.get(id) ?? null) : null);
  const files = m.attachments.map((a) => a.fileName);
  const entries: HistoryEntry[] = [
    { change: "sent", at: m.createdAt, by: name(m.authorId), body: m.versions[0]?.body ?? m.body, files },
    ...m.versions.map((v, i): HistoryEntry => {
      const deleted = v.change === "deleted";
      return {
        change: deleted ? "deleted" : "edited",
        at: v.at,
        by: name(v.byId),
        body: deleted ? null : (m.versions[i + 1]?.body ?? m.body),
        files: deleted ? readNames(v.files) : [],
      };
    }),
  ];
  const c = m.conversation;
  return {
    id: m.id,
    conversation: {
      id: c.id,
      kind: c.kind as ConversationKind,
      name: c.teammate ? `${c.teammate.firstName} ${c.teammate.lastName}` : (c.name ?? ""),
    },
    entries,
  };
}

function readNames(value: unknown): string[] {
  const v = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
