-- Written by hand from `prisma migrate diff` (which cannot change a column to a
-- serial type): 64-bit event ids, a per-organisation sequence, JSON payloads.
DROP INDEX "Event_organizationId_id_idx";

ALTER TABLE "Organization" ADD COLUMN "eventSeq" BIGINT NOT NULL DEFAULT 0;

ALTER TABLE "Event" ALTER COLUMN "id" SET DATA TYPE BIGINT;
ALTER SEQUENCE "Event_id_seq" AS BIGINT;
ALTER TABLE "Event" ADD COLUMN "seq" BIGINT;
UPDATE "Event" e SET "seq" = n."rn"
  FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "organizationId" ORDER BY "id") AS "rn" FROM "Event") n
  WHERE n."id" = e."id";
ALTER TABLE "Event" ALTER COLUMN "seq" SET NOT NULL;
ALTER TABLE "Event" ALTER COLUMN "payload" SET DATA TYPE JSONB USING "payload"::jsonb;
UPDATE "Organization" o SET "eventSeq" = COALESCE((SELECT max("seq") FROM "Event" e WHERE e."organizationId" = o."id"), 0);

CREATE INDEX "Event_createdAt_idx" ON "Event"("createdAt");
CREATE UNIQUE INDEX "Event_organizationId_seq_key" ON "Event"("organizationId", "seq");
