-- The full-text index of messages and private notes (lib/db/search-index.ts, docs/decisions/015-search.md).
-- "SearchDoc" holds the index only (contentless): "en" and "fr", each word's English and French stem,
-- folded; "scope", the filters as tokens. "SearchRef" says which message or note each row is, and when.
-- The runner fills both with what was written before (backfillSqliteSearch).
CREATE VIRTUAL TABLE "SearchDoc" USING fts5("en", "fr", "scope", content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
-- A send writes one small segment; merging them 16 at a time (not 4), and forcing a merge at 64
-- (not 16), keeps the merging a send pays for small and rare (BENCH_ONLY=search: send p95).
INSERT INTO "SearchDoc" ("SearchDoc", "rank") VALUES ('automerge', 16);
INSERT INTO "SearchDoc" ("SearchDoc", "rank") VALUES ('crisismerge', 64);

CREATE TABLE "SearchRef" (
    "rowid" INTEGER NOT NULL PRIMARY KEY,
    "docId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "SearchRef_docId_key" ON "SearchRef"("docId");
