-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "teammateId" TEXT,
    "departmentId" TEXT,
    "name" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "lastMessageAt" DATETIME,
    "lastMessagePreview" TEXT,
    "lastInboundSeq" INTEGER NOT NULL DEFAULT 0,
    "lastInboundAt" DATETIME,
    "processed" BOOLEAN NOT NULL DEFAULT false,
    "processedAt" DATETIME,
    "processedById" TEXT,
    "assigneeId" TEXT,
    "assignedAt" DATETIME,
    "assignedById" TEXT,
    CONSTRAINT "Conversation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Conversation_teammateId_fkey" FOREIGN KEY ("teammateId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Conversation_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Conversation_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Conversation" ("createdAt", "createdById", "deletedAt", "departmentId", "id", "kind", "lastInboundAt", "lastInboundSeq", "lastMessageAt", "lastMessagePreview", "lastSeq", "name", "organizationId", "processed", "processedAt", "processedById", "teammateId") SELECT "createdAt", "createdById", "deletedAt", "departmentId", "id", "kind", "lastInboundAt", "lastInboundSeq", "lastMessageAt", "lastMessagePreview", "lastSeq", "name", "organizationId", "processed", "processedAt", "processedById", "teammateId" FROM "Conversation";
DROP TABLE "Conversation";
ALTER TABLE "new_Conversation" RENAME TO "Conversation";
CREATE UNIQUE INDEX "Conversation_teammateId_key" ON "Conversation"("teammateId");
CREATE INDEX "Conversation_organizationId_kind_lastMessageAt_idx" ON "Conversation"("organizationId", "kind", "lastMessageAt");
CREATE INDEX "Conversation_organizationId_kind_lastInboundAt_idx" ON "Conversation"("organizationId", "kind", "lastInboundAt");
CREATE INDEX "Conversation_organizationId_kind_processed_lastMessageAt_idx" ON "Conversation"("organizationId", "kind", "processed", "lastMessageAt");
CREATE INDEX "Conversation_organizationId_kind_assigneeId_lastMessageAt_idx" ON "Conversation"("organizationId", "kind", "assigneeId", "lastMessageAt");
CREATE INDEX "Conversation_departmentId_kind_idx" ON "Conversation"("departmentId", "kind");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

