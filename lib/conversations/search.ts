import "server-only";
import { db } from "@/lib/db";
import { queryAll, sqlDialect } from "@/lib/db/sql";
import { searchQuery, type SearchOrder, type SearchScope } from "@/lib/db/search-index";
import type { SearchTerm } from "@/lib/db/search-words";
import { snippetOf, type SnippetPart } from "@/lib/text/snippet";
import type { ConversationKind } from "./paths";

// Messages and notes found by their words, read back as rows: the engine (lib/db/search-index.ts)
// answers which ids match in the caller's scope; this reads them, drops what was deleted since,
// and shows the matching words in context. The inbox and chat decide the scope.

export type Found = {
  id: string;
  kind: "message" | "note";
  conversationId: string;
  conversationKind: ConversationKind;
  /** An inbox thread's teammate. */
  teammate: { firstName: string; lastName: string } | null;
  /** A message's place in its conversation (a note has none). */
  seq: number | null;
  authorName: string | null;
  createdAt: Date;
  /** The words around the match, matching words marked; a file's name when that is what matched. */
  parts: SnippetPart[];
};

const PAGE = 20;

export async function findMessages(
  terms: SearchTerm[],
  scope: SearchScope,
  { order, page }: { order: SearchOrder; page: number },
): Promise<{ found: Found[]; more: boolean }> {
  if (terms.length === 0) return { found: [], more: false };
  const hits = (
    await queryAll(searchQuery(sqlDialect(), terms, scope, { order, limit: PAGE + 1, offset: (page - 1) * PAGE }), {
      id: "text",
      kind: "text",
    })
  ).map((h) => ({ id: h.id, kind: h.kind === "note" ? ("note" as const) : ("message" as const) }));
  const more = hits.length > PAGE;
  const ids = (kind: "message" | "note") => hits.slice(0, PAGE).flatMap((h) => (h.kind === kind ? [h.id] : []));
  const conversation = {
    select: { kind: true, teammate: { select: { firstName: true, lastName: true } } },
  } as const;
  const [messages, notes] = await Promise.all([
    db.message.findMany({
      where: {
        id: { in: ids("message") },
        organizationId: scope.organizationId,
        deletedAt: null,
        conversation: { deletedAt: null },
      },
      select: {
        id: true,
        conversationId: true,
        seq: true,
        body: true,
        createdAt: true,
        author: { select: { firstName: true, lastName: true } },
        attachments: { select: { fileName: true }, orderBy: { position: "asc" } },
        conversation,
      },
    }),
    scope.notes
      ? db.privateNote.findMany({
          where: { id: { in: ids("note") }, organizationId: scope.organizationId },
          select: {
            id: true,
            conversationId: true,
            body: true,
            createdAt: true,
            author: { select: { firstName: true, lastName: true } },
            conversation,
          },
        })
      : [],
  ]);
  const name = (u: { firstName: string; lastName: string } | null) => (u ? `${u.firstName} ${u.lastName}` : null);
  const byId = new Map<string, Found>();
  for (const m of messages) {
    const files = `📎 ${m.attachments.map((a) => a.fileName).join(", ")}`;
    let parts = snippetOf(m.body.trim() || files, terms);
    // The words matched a file's name, not the text: show the names.
    if (!parts.some((p) => p.hit) && m.attachments.length) parts = snippetOf(files, terms);
    byId.set(m.id, {
      id: m.id,
      kind: "message",
      conversationId: m.conversationId,
      conversationKind: m.conversation.kind,
      teammate: m.conversation.teammate,
      seq: m.seq,
      authorName: name(m.author),
      createdAt: m.createdAt,
      parts,
    });
  }
  for (const n of notes)
    byId.set(n.id, {
      id: n.id,
      kind: "note",
      conversationId: n.conversationId,
      conversationKind: n.conversation.kind,
      teammate: n.conversation.teammate,
      seq: null,
      authorName: name(n.author),
      createdAt: n.createdAt,
      parts: snippetOf(n.body, terms),
    });
  return { found: hits.flatMap((h) => byId.get(h.id) ?? []), more };
}
