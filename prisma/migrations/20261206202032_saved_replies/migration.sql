-- CreateTable
CREATE TABLE "SavedReply" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "ownerId" TEXT,
    "title" TEXT NOT NULL,
    "bodyEn" TEXT,
    "bodyFr" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SavedReply_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "managersEditReplies" BOOLEAN NOT NULL DEFAULT false,
    "chatPricePerSeatCents" INTEGER NOT NULL DEFAULT 25,
    "quietHoursStart" INTEGER,
    "quietHoursEnd" INTEGER,
    "smsSender" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "eventSeq" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Organization" ("chatEnabled", "chatEnabledAt", "chatPricePerSeatCents", "createdAt", "eventSeq", "id", "name", "quietHoursEnd", "quietHoursStart", "slug", "smsSender", "timeZone") SELECT "chatEnabled", "chatEnabledAt", "chatPricePerSeatCents", "createdAt", "eventSeq", "id", "name", "quietHoursEnd", "quietHoursStart", "slug", "smsSender", "timeZone" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
CREATE UNIQUE INDEX "Organization_smsSender_key" ON "Organization"("smsSender");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SavedReply_organizationId_ownerId_archivedAt_position_idx" ON "SavedReply"("organizationId", "ownerId", "archivedAt", "position");

