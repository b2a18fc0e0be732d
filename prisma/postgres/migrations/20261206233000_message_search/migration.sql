-- The full-text index of messages and private notes (lib/db/search-index.ts, docs/decisions/015-search.md).
-- Each word is folded by unaccent, then stemmed by Snowball, in English and in French: a thread mixes both.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION shiftline_en (COPY = english);
ALTER TEXT SEARCH CONFIGURATION shiftline_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION shiftline_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION shiftline_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

CREATE TABLE "SearchDoc" (
    "docId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "chat" BOOLEAN NOT NULL,
    "authorId" TEXT,
    "fromStaff" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "tsv" tsvector NOT NULL,

    CONSTRAINT "SearchDoc_pkey" PRIMARY KEY ("docId")
);
CREATE INDEX "SearchDoc_tsv_idx" ON "SearchDoc" USING GIN ("tsv");
CREATE INDEX "SearchDoc_organizationId_createdAt_idx" ON "SearchDoc" ("organizationId", "createdAt");

-- What was written before: the same words as lib/db/search-words.ts (letters and digits), files' names included.
INSERT INTO "SearchDoc" ("docId", "kind", "organizationId", "conversationId", "chat", "authorId", "fromStaff", "createdAt", "tsv")
SELECT d."id", d."kind", d."organizationId", d."conversationId", d."chat", d."authorId", d."fromStaff", d."createdAt",
  to_tsvector('shiftline_en', d."words") || to_tsvector('shiftline_fr', d."words")
FROM (
  SELECT m."id", 'message' AS "kind", m."organizationId", m."conversationId", c."kind" <> 'INBOX' AS "chat", m."authorId", m."fromStaff", m."createdAt",
    regexp_replace(m."body" || ' ' || COALESCE((SELECT string_agg(a."fileName", ' ') FROM "Attachment" a WHERE a."messageId" = m."id"), ''), '[^[:alnum:]]+', ' ', 'g') AS "words"
  FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId" WHERE m."kind" <> 'SYSTEM'
  UNION ALL
  SELECT n."id", 'note', n."organizationId", n."conversationId", false, n."authorId", true, n."createdAt",
    regexp_replace(n."body", '[^[:alnum:]]+', ' ', 'g')
  FROM "PrivateNote" n
) d
WHERE d."words" ~ '[[:alnum:]]';
