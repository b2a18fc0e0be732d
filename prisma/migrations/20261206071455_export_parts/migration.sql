-- CreateTable
CREATE TABLE "ExportPart" (
    "exportId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "filePath" TEXT NOT NULL,
    "fileSize" REAL NOT NULL,
    "fileCount" INTEGER NOT NULL,

    PRIMARY KEY ("exportId", "number"),
    CONSTRAINT "ExportPart_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "ExportJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ExportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'ATTACHMENTS',
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "downloadToken" TEXT NOT NULL,
    "filePath" TEXT,
    "fileSize" REAL,
    "fileCount" INTEGER,
    "selection" JSONB,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "expiresAt" DATETIME,
    CONSTRAINT "ExportJob_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ExportJob" ("createdAt", "downloadToken", "error", "expiresAt", "fileCount", "filePath", "fileSize", "finishedAt", "id", "kind", "organizationId", "progress", "requestedById", "selection", "startedAt", "status", "total") SELECT "createdAt", "downloadToken", "error", "expiresAt", "fileCount", "filePath", "fileSize", "finishedAt", "id", "kind", "organizationId", "progress", "requestedById", "selection", "startedAt", "status", "total" FROM "ExportJob";
DROP TABLE "ExportJob";
ALTER TABLE "new_ExportJob" RENAME TO "ExportJob";
CREATE UNIQUE INDEX "ExportJob_downloadToken_key" ON "ExportJob"("downloadToken");
CREATE INDEX "ExportJob_organizationId_createdAt_idx" ON "ExportJob"("organizationId", "createdAt");
CREATE INDEX "ExportJob_status_createdAt_idx" ON "ExportJob"("status", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

