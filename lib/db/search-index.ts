import type Database from "better-sqlite3";
import { EMPTY_SQL, joinSql, rawSql, sql, type Sql, type SqlExec } from "./exec";
import type { Dialect } from "./path";
import { stemsOf, wordsOf, type SearchTerm } from "./search-words";

// The full-text index of messages and private notes, on each database's own engine
// (docs/decisions/015-search.md): SQLite FTS5, PostgreSQL tsvector with unaccent and the
// English and French Snowball dictionaries. Written in the transaction that writes the
// message or note, so the index never lags behind or outlives a rollback.

export type SearchDoc = {
  id: string;
  kind: "message" | "note";
  organizationId: string;
  conversationId: string;
  /** A chat conversation's message (not an inbox thread's). */
  chat: boolean;
  authorId: string | null;
  fromStaff: boolean;
  at: Date;
  /** The words to find it by: the message's text and its files' names. */
  text: string;
};

/** Which documents a search may return: the caller has decided what the reader may read. */
export type SearchScope = {
  organizationId: string;
  /** Only these conversations (a teammate's own thread and chats; one thread). */
  conversationIds?: string[];
  /** Only inbox threads (staff's search) or only chats. */
  place?: "inbox" | "chat";
  /** Private notes too (staff with messaging only). */
  notes: boolean;
  authorId?: string;
  fromStaff?: boolean;
  from?: Date;
  /** Before this instant. */
  to?: Date;
};

export type SearchOrder = "newest" | "best";
/**
 * "Best match" ranks the newest this many matches: a word found in half the organisation's
 * messages would otherwise rank them all (hundreds of milliseconds), for an answer that is
 * about the recent ones anyway.
 */
const RANKED = 2000;

// SQLite: the FTS5 table holds the index only (no copy of the words); `SearchRef` says which
// message or note each of its rows is. Filters are tokens of a `scope` column (FTS5 matches them in its index):
// one letter for the field, then the value; an id that is not plain lower-case letters
// and digits is written in hex after a "1", so two ids never meet on one token.
const token = (field: string, id: string) =>
  /^[a-z0-9]+$/.test(id) ? `${field}0${id}` : `${field}1${Buffer.from(id).toString("hex")}`;

function sqliteRow(doc: SearchDoc, words: string[]) {
  const stems = words.map(stemsOf);
  const scope = [
    token("o", doc.organizationId),
    token("c", doc.conversationId),
    doc.kind === "note" ? "kn" : "km",
    doc.chat ? "vc" : "vi",
    doc.fromStaff ? "fs" : "ft",
    ...(doc.authorId ? [token("a", doc.authorId)] : []),
  ];
  return {
    en: stems.map((s) => s.en).join(" "),
    fr: stems.map((s) => s.fr).join(" "),
    scope: scope.join(" "),
  };
}

/** PostgreSQL: the words' English and French stems, as one tsvector. */
const tsvectorOf = (text: string) =>
  sql`to_tsvector('shiftline_en', CAST(${text} AS TEXT)) || to_tsvector('shiftline_fr', CAST(${text} AS TEXT))`;

/** Adds a new message or note to the index, in the caller's transaction. */
export async function indexForSearch(tx: SqlExec, doc: SearchDoc): Promise<void> {
  const words = wordsOf(doc.text);
  if (words.length === 0) return;
  if (tx.dialect === "postgres") {
    const text = words.join(" ");
    await tx.run(sql`INSERT INTO "SearchDoc" ("docId", "kind", "organizationId", "conversationId", "chat", "authorId", "fromStaff", "createdAt", "tsv")
      VALUES (${doc.id}, ${doc.kind}, ${doc.organizationId}, ${doc.conversationId}, ${doc.chat}, ${doc.authorId}, ${doc.fromStaff}, ${doc.at},
        ${tsvectorOf(text)})`);
    return;
  }
  const row = sqliteRow(doc, words);
  const ref = await tx.get(
    sql`INSERT INTO "SearchRef" ("docId", "kind", "at") VALUES (${doc.id}, ${doc.kind}, ${doc.at.getTime()}) RETURNING "rowid"`,
    { rowid: "int" },
  );
  await tx.run(
    sql`INSERT INTO "SearchDoc" ("rowid", "en", "fr", "scope") VALUES (${ref!.rowid}, ${row.en}, ${row.fr}, ${row.scope})`,
  );
}

/**
 * A message's words changed (edited): its index row follows, in the caller's transaction. It keeps
 * its place in the index's order (SQLite's rowid), so an edited message is not made newer.
 */
export async function reindexForSearch(tx: SqlExec, doc: SearchDoc): Promise<void> {
  const words = wordsOf(doc.text);
  if (words.length === 0) return removeFromSearch(tx, doc.id);
  if (tx.dialect === "postgres") {
    const text = words.join(" ");
    const changed = await tx.run(sql`UPDATE "SearchDoc" SET "tsv" = ${tsvectorOf(text)} WHERE "docId" = ${doc.id}`);
    if (changed === 0) await indexForSearch(tx, doc);
    return;
  }
  const ref = await tx.get(sql`SELECT "rowid" FROM "SearchRef" WHERE "docId" = ${doc.id}`, { rowid: "int" });
  if (!ref) return indexForSearch(tx, doc);
  const row = sqliteRow(doc, words);
  await tx.run(sql`DELETE FROM "SearchDoc" WHERE "rowid" = ${ref.rowid}`);
  await tx.run(
    sql`INSERT INTO "SearchDoc" ("rowid", "en", "fr", "scope") VALUES (${ref.rowid}, ${row.en}, ${row.fr}, ${row.scope})`,
  );
}

/** A deleted message leaves the index, in the caller's transaction: nothing finds it from then on. */
export async function removeFromSearch(tx: SqlExec, id: string): Promise<void> {
  if (tx.dialect === "postgres") {
    await tx.run(sql`DELETE FROM "SearchDoc" WHERE "docId" = ${id}`);
    return;
  }
  const ref = await tx.get(sql`DELETE FROM "SearchRef" WHERE "docId" = ${id} RETURNING "rowid"`, { rowid: "int" });
  if (ref) await tx.run(sql`DELETE FROM "SearchDoc" WHERE "rowid" = ${ref.rowid}`);
}

const quoted = (words: string[]) => `"${words.join(" ")}"`;

/** FTS5's query: the scope's tokens, then every term in English stems or every term in French stems. */
function ftsQuery(terms: SearchTerm[], scope: SearchScope): string {
  const parts = [`scope : "${token("o", scope.organizationId)}"`];
  if (scope.conversationIds)
    parts.push(`scope : (${scope.conversationIds.map((id) => `"${token("c", id)}"`).join(" OR ")})`);
  if (scope.place) parts.push(`scope : "${scope.place === "chat" ? "vc" : "vi"}"`);
  if (!scope.notes) parts.push(`scope : "km"`);
  if (scope.authorId) parts.push(`scope : "${token("a", scope.authorId)}"`);
  if (scope.fromStaff !== undefined) parts.push(`scope : "${scope.fromStaff ? "fs" : "ft"}"`);
  parts.push(wordsMatch(terms));
  return parts.join(" AND ");
}

/** The words alone: every term in English, or every term in French. */
function wordsMatch(terms: SearchTerm[]): string {
  const stemmed = terms.map((t) => t.words.map(stemsOf));
  const inColumn = (lang: "en" | "fr") =>
    `${lang} : (${stemmed.map((t) => quoted(t.map((s) => s[lang]))).join(" AND ")})`;
  return `(${inColumn("en")} OR ${inColumn("fr")})`;
}

/** PostgreSQL's query: each term a phrase query, all of them in English or all in French. */
function tsQuery(terms: SearchTerm[]): Sql {
  const per = (config: string) =>
    joinSql(
      terms.map((t) => sql`phraseto_tsquery(${rawSql(`'${config}'`)}, CAST(${t.words.join(" ")} AS TEXT))`),
      " && ",
    );
  return sql`((${per("shiftline_en")}) || (${per("shiftline_fr")}))`;
}

/**
 * The documents matching every term, newest first, or best match first among the newest
 * RANKED matches. The reader's
 * right to each result is the caller's `scope`; the caller still reads each hit's row
 * and drops what was deleted since.
 */
export function searchQuery(
  dialect: Dialect,
  terms: SearchTerm[],
  scope: SearchScope,
  page: { order: SearchOrder; limit: number; offset: number },
): Sql {
  if (dialect === "postgres") {
    const where = [sql`s."organizationId" = ${scope.organizationId}`, sql`s."tsv" @@ q.q`];
    if (scope.conversationIds)
      where.push(
        sql`s."conversationId" IN (${joinSql(
          scope.conversationIds.map((id) => sql`${id}`),
          ", ",
        )})`,
      );
    if (scope.place) where.push(sql`s."chat" = ${scope.place === "chat"}`);
    if (!scope.notes) where.push(sql`s."kind" = 'message'`);
    if (scope.authorId) where.push(sql`s."authorId" = ${scope.authorId}`);
    if (scope.fromStaff !== undefined) where.push(sql`s."fromStaff" = ${scope.fromStaff}`);
    if (scope.from) where.push(sql`s."createdAt" >= ${scope.from}`);
    if (scope.to) where.push(sql`s."createdAt" < ${scope.to}`);
    const matches = sql`SELECT s."docId", s."kind", s."createdAt", s."tsv", q.q FROM "SearchDoc" s, (SELECT ${tsQuery(terms)} AS q) q
      WHERE ${joinSql(where, " AND ")} ORDER BY s."createdAt" DESC, s."docId" DESC`;
    if (page.order === "newest")
      return sql`SELECT m."docId" AS "id", m."kind" FROM (${matches} LIMIT ${page.limit} OFFSET ${page.offset}) m`;
    return sql`SELECT m."docId" AS "id", m."kind" FROM (${matches} LIMIT ${RANKED}) m
      ORDER BY ts_rank(m."tsv", m.q) DESC, m."createdAt" DESC LIMIT ${page.limit} OFFSET ${page.offset}`;
  }
  const dates = [
    scope.from ? sql` AND r."at" >= ${scope.from.getTime()}` : EMPTY_SQL,
    scope.to ? sql` AND r."at" < ${scope.to.getTime()}` : EMPTY_SQL,
  ];
  // rowid is the order of writing, which is the order of sending: FTS5 hands rows back in it, unsorted.
  const matches = sql`SELECT r."docId", r."kind", s.rowid AS "n"
    FROM "SearchDoc" s JOIN "SearchRef" r ON r."rowid" = s.rowid
    WHERE "SearchDoc" MATCH ${ftsQuery(terms, scope)}${dates[0]!}${dates[1]!} ORDER BY s.rowid DESC`;
  if (page.order === "newest")
    return sql`SELECT m."docId" AS "id", m."kind" FROM (${matches} LIMIT ${page.limit} OFFSET ${page.offset}) m`;
  // Ranked by the words alone, from the oldest of those matches on: bm25 counts, for each phrase
  // of its query, the rows that hold it, and the organisation's scope token is in all of them
  // (2,000,000 messages: 105 ms a search for the count alone). Its weight was 0: same order.
  return sql`WITH m AS MATERIALIZED (${matches} LIMIT ${RANKED})
    SELECT m."docId" AS "id", m."kind" FROM m JOIN (
      SELECT s.rowid AS "n", bm25("SearchDoc", 1.0, 1.0, 0.0) AS "rank" FROM "SearchDoc" s
      WHERE "SearchDoc" MATCH ${wordsMatch(terms)} AND s.rowid >= (SELECT min("n") FROM m)
    ) w ON w."n" = m."n"
    ORDER BY w."rank", m."n" DESC LIMIT ${page.limit} OFFSET ${page.offset}`;
}

/**
 * SQLite's index of what was written before it existed (run once, by the migration
 * runner, when the migration that creates it is applied). PostgreSQL's migration fills
 * its index in SQL.
 */
export function backfillSqliteSearch(db: Database.Database): number {
  const ref = db.prepare(`INSERT INTO "SearchRef" ("docId", "kind", "at") VALUES (?, ?, ?)`);
  const insert = db.prepare(`INSERT INTO "SearchDoc" ("rowid", "en", "fr", "scope") VALUES (?, ?, ?, ?)`);
  const messages = db
    .prepare(
      `SELECT m."id", m."organizationId", m."conversationId", c."kind" AS "conversationKind", m."authorId", m."fromStaff", m."createdAt", m."body",
        (SELECT group_concat(a."fileName", ' ') FROM "Attachment" a WHERE a."messageId" = m."id") AS "files", 'message' AS "doc"
       FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId" WHERE m."kind" <> 'SYSTEM' AND m."deletedAt" IS NULL
       UNION ALL
       SELECT n."id", n."organizationId", n."conversationId", 'INBOX', n."authorId", 1, n."createdAt", n."body", NULL, 'note' FROM "PrivateNote" n
       ORDER BY 7`,
    )
    .all() as {
    id: string;
    organizationId: string;
    conversationId: string;
    conversationKind: string;
    authorId: string | null;
    fromStaff: number;
    createdAt: string;
    body: string;
    files: string | null;
    doc: "message" | "note";
  }[];
  let count = 0;
  for (const m of messages) {
    const doc: SearchDoc = {
      id: m.id,
      kind: m.doc,
      organizationId: m.organizationId,
      conversationId: m.conversationId,
      chat: m.conversationKind !== "INBOX",
      authorId: m.authorId,
      fromStaff: m.fromStaff === 1,
      at: new Date(m.createdAt),
      text: `${m.body} ${m.files ?? ""}`,
    };
    const words = wordsOf(doc.text);
    if (words.length === 0) continue;
    const row = sqliteRow(doc, words);
    const { lastInsertRowid } = ref.run(doc.id, doc.kind, doc.at.getTime());
    insert.run(lastInsertRowid, row.en, row.fr, row.scope);
    count++;
  }
  // One transaction wrote the whole index as a pile of segments still to merge; left so, the
  // sends that follow would pay for merging it, 64 of them at a time (a send at 200/s on
  // 500,000 messages: p95 twice what it is without the index). Merged now into one segment
  // (under a second for 500,000), a send only merges the small segments sends write.
  db.exec(`INSERT INTO "SearchDoc" ("SearchDoc") VALUES ('optimize')`);
  return count;
}
