-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT,
    "uploaderId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storage" TEXT NOT NULL DEFAULT 'local',
    "storageKey" TEXT NOT NULL,
    "url" TEXT,
    "thumbKey" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "fromStaff" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sharedAt" DATETIME,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Attachment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attachment_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Attachment" ("conversationId", "createdAt", "fileName", "fromStaff", "id", "messageId", "mimeType", "organizationId", "size", "storage", "storageKey", "uploaderId", "url") SELECT "conversationId", "createdAt", "fileName", "fromStaff", "id", "messageId", "mimeType", "organizationId", "size", "storage", "storageKey", "uploaderId", "url" FROM "Attachment";
DROP TABLE "Attachment";
ALTER TABLE "new_Attachment" RENAME TO "Attachment";
CREATE INDEX "Attachment_conversationId_sharedAt_idx" ON "Attachment"("conversationId", "sharedAt");
CREATE INDEX "Attachment_organizationId_fromStaff_createdAt_idx" ON "Attachment"("organizationId", "fromStaff", "createdAt");
CREATE INDEX "Attachment_messageId_idx" ON "Attachment"("messageId");
CREATE INDEX "Attachment_uploaderId_sharedAt_createdAt_idx" ON "Attachment"("uploaderId", "sharedAt", "createdAt");
CREATE TABLE "new_ExportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'ATTACHMENTS',
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "downloadToken" TEXT NOT NULL,
    "filePath" TEXT,
    "fileSize" INTEGER,
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
INSERT INTO "new_ExportJob" ("createdAt", "downloadToken", "error", "expiresAt", "fileCount", "filePath", "fileSize", "finishedAt", "id", "kind", "organizationId", "requestedById", "startedAt", "status") SELECT "createdAt", "downloadToken", "error", "expiresAt", "fileCount", "filePath", "fileSize", "finishedAt", "id", "kind", "organizationId", "requestedById", "startedAt", "status" FROM "ExportJob";
DROP TABLE "ExportJob";
ALTER TABLE "new_ExportJob" RENAME TO "ExportJob";
CREATE UNIQUE INDEX "ExportJob_downloadToken_key" ON "ExportJob"("downloadToken");
CREATE INDEX "ExportJob_organizationId_createdAt_idx" ON "ExportJob"("organizationId", "createdAt");
CREATE INDEX "ExportJob_status_createdAt_idx" ON "ExportJob"("status", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

