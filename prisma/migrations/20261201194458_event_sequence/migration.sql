-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "chatEnabled" BOOLEAN NOT NULL DEFAULT false,
    "chatEnabledAt" DATETIME,
    "chatPricePerSeatCents" INTEGER NOT NULL DEFAULT 25,
    "quietHoursStart" INTEGER,
    "quietHoursEnd" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "eventSeq" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Organization" ("chatEnabled", "chatEnabledAt", "chatPricePerSeatCents", "createdAt", "id", "name", "quietHoursEnd", "quietHoursStart", "slug", "timeZone") SELECT "chatEnabled", "chatEnabledAt", "chatPricePerSeatCents", "createdAt", "id", "name", "quietHoursEnd", "quietHoursStart", "slug", "timeZone" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
CREATE TABLE "new_Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "organizationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "conversationId" TEXT,
    "userId" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Event_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Edited by hand: existing events get their organisation's sequence in id order.
INSERT INTO "new_Event" ("audience", "conversationId", "createdAt", "id", "organizationId", "payload", "type", "userId", "seq") SELECT "audience", "conversationId", "createdAt", "id", "organizationId", "payload", "type", "userId", ROW_NUMBER() OVER (PARTITION BY "organizationId" ORDER BY "id") FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_createdAt_idx" ON "Event"("createdAt");
CREATE UNIQUE INDEX "Event_organizationId_seq_key" ON "Event"("organizationId", "seq");
UPDATE "Organization" SET "eventSeq" = COALESCE((SELECT max("seq") FROM "Event" e WHERE e."organizationId" = "Organization"."id"), 0);
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

