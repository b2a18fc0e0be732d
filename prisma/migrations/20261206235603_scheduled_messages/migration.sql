-- CreateTable
CREATE TABLE "ScheduledMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "conversationId" TEXT,
    "recipients" JSONB,
    "body" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "smsCopy" BOOLEAN NOT NULL DEFAULT false,
    "clientId" TEXT NOT NULL,
    "sendAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "sentAt" DATETIME,
    "failure" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ScheduledMessage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ScheduledMessage_organizationId_status_sendAt_idx" ON "ScheduledMessage"("organizationId", "status", "sendAt");

-- CreateIndex
CREATE INDEX "ScheduledMessage_conversationId_status_idx" ON "ScheduledMessage"("conversationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledMessage_authorId_clientId_key" ON "ScheduledMessage"("authorId", "clientId");

