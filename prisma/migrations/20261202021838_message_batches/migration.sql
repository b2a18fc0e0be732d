-- CreateTable
CREATE TABLE "MessageBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "smsCopy" BOOLEAN NOT NULL DEFAULT false,
    "recipientCount" INTEGER NOT NULL,
    "smsCount" INTEGER NOT NULL DEFAULT 0,
    "postedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MessageBatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BatchRecipient" (
    "batchId" TEXT NOT NULL,
    "teammateId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT,
    "sms" TEXT NOT NULL DEFAULT 'none',

    PRIMARY KEY ("batchId", "teammateId"),
    CONSTRAINT "BatchRecipient_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "MessageBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "authorId" TEXT,
    "fromStaff" BOOLEAN NOT NULL DEFAULT false,
    "kind" TEXT NOT NULL DEFAULT 'TEXT',
    "body" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "shiftId" TEXT,
    "batchId" TEXT,
    "actionAt" DATETIME,
    "actionById" TEXT,
    "action" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    CONSTRAINT "Message_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Message_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "Shift" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Message_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "MessageBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Message" ("action", "actionAt", "actionById", "authorId", "body", "clientId", "conversationId", "createdAt", "deletedAt", "editedAt", "fromStaff", "id", "kind", "organizationId", "seq", "shiftId") SELECT "action", "actionAt", "actionById", "authorId", "body", "clientId", "conversationId", "createdAt", "deletedAt", "editedAt", "fromStaff", "id", "kind", "organizationId", "seq", "shiftId" FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE INDEX "Message_conversationId_createdAt_idx" ON "Message"("conversationId", "createdAt");
CREATE INDEX "Message_shiftId_idx" ON "Message"("shiftId");
CREATE UNIQUE INDEX "Message_conversationId_seq_key" ON "Message"("conversationId", "seq");
CREATE UNIQUE INDEX "Message_authorId_clientId_key" ON "Message"("authorId", "clientId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MessageBatch_organizationId_createdAt_idx" ON "MessageBatch"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MessageBatch_authorId_clientId_key" ON "MessageBatch"("authorId", "clientId");

-- CreateIndex
CREATE INDEX "BatchRecipient_batchId_messageId_idx" ON "BatchRecipient"("batchId", "messageId");

