-- AlterTable
ALTER TABLE "MessageBatch" ADD COLUMN "attachmentIds" JSONB;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "conversationId" TEXT,
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
INSERT INTO "new_Attachment" ("conversationId", "createdAt", "fileName", "fromStaff", "height", "id", "messageId", "mimeType", "organizationId", "position", "sharedAt", "size", "storage", "storageKey", "thumbKey", "uploaderId", "url", "width") SELECT "conversationId", "createdAt", "fileName", "fromStaff", "height", "id", "messageId", "mimeType", "organizationId", "position", "sharedAt", "size", "storage", "storageKey", "thumbKey", "uploaderId", "url", "width" FROM "Attachment";
DROP TABLE "Attachment";
ALTER TABLE "new_Attachment" RENAME TO "Attachment";
CREATE INDEX "Attachment_conversationId_sharedAt_idx" ON "Attachment"("conversationId", "sharedAt");
CREATE INDEX "Attachment_organizationId_fromStaff_createdAt_idx" ON "Attachment"("organizationId", "fromStaff", "createdAt");
CREATE INDEX "Attachment_messageId_idx" ON "Attachment"("messageId");
CREATE INDEX "Attachment_uploaderId_sharedAt_createdAt_idx" ON "Attachment"("uploaderId", "sharedAt", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

