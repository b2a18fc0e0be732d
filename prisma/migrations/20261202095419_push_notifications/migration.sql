-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "phone" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'TEAMMATE',
    "messagingAccess" BOOLEAN NOT NULL DEFAULT true,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "disabledAt" DATETIME,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastSignInAt" DATETIME,
    "pushEnabled" BOOLEAN NOT NULL DEFAULT true,
    "quietFrom" INTEGER,
    "quietTo" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_User" ("createdAt", "disabledAt", "email", "firstName", "id", "lastName", "lastSignInAt", "locale", "messagingAccess", "organizationId", "passwordHash", "phone", "role", "sessionVersion", "updatedAt") SELECT "createdAt", "disabledAt", "email", "firstName", "id", "lastName", "lastSignInAt", "locale", "messagingAccess", "organizationId", "passwordHash", "phone", "role", "sessionVersion", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_organizationId_role_lastName_idx" ON "User"("organizationId", "role", "lastName");
CREATE TABLE "new_StaffReadState" (
    "conversationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lastReadSeq" INTEGER NOT NULL DEFAULT 0,
    "muted" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    "unreadMarkedAt" DATETIME,

    PRIMARY KEY ("conversationId", "userId"),
    CONSTRAINT "StaffReadState_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StaffReadState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_StaffReadState" ("conversationId", "lastReadSeq", "unreadMarkedAt", "updatedAt", "userId") SELECT "conversationId", "lastReadSeq", "unreadMarkedAt", "updatedAt", "userId" FROM "StaffReadState";
DROP TABLE "StaffReadState";
ALTER TABLE "new_StaffReadState" RENAME TO "StaffReadState";
CREATE INDEX "StaffReadState_userId_idx" ON "StaffReadState"("userId");
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
    "notice" JSONB,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    CONSTRAINT "Message_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Message_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "Shift" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Message_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "MessageBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Message" ("action", "actionAt", "actionById", "authorId", "batchId", "body", "clientId", "conversationId", "createdAt", "deletedAt", "editedAt", "fromStaff", "id", "kind", "notice", "organizationId", "seq", "shiftId") SELECT "action", "actionAt", "actionById", "authorId", "batchId", "body", "clientId", "conversationId", "createdAt", "deletedAt", "editedAt", "fromStaff", "id", "kind", "notice", "organizationId", "seq", "shiftId" FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE INDEX "Message_conversationId_createdAt_idx" ON "Message"("conversationId", "createdAt");
CREATE INDEX "Message_shiftId_idx" ON "Message"("shiftId");
CREATE UNIQUE INDEX "Message_conversationId_seq_key" ON "Message"("conversationId", "seq");
CREATE UNIQUE INDEX "Message_authorId_clientId_key" ON "Message"("authorId", "clientId");
CREATE TABLE "new_MessageBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "smsCopy" BOOLEAN NOT NULL DEFAULT false,
    "attachmentIds" JSONB,
    "recipientCount" INTEGER NOT NULL,
    "smsCount" INTEGER NOT NULL DEFAULT 0,
    "postedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MessageBatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MessageBatch" ("attachmentIds", "authorId", "body", "clientId", "createdAt", "id", "organizationId", "postedAt", "recipientCount", "smsCopy", "smsCount") SELECT "attachmentIds", "authorId", "body", "clientId", "createdAt", "id", "organizationId", "postedAt", "recipientCount", "smsCopy", "smsCount" FROM "MessageBatch";
DROP TABLE "MessageBatch";
ALTER TABLE "new_MessageBatch" RENAME TO "MessageBatch";
CREATE INDEX "MessageBatch_organizationId_createdAt_idx" ON "MessageBatch"("organizationId", "createdAt");
CREATE UNIQUE INDEX "MessageBatch_authorId_clientId_key" ON "MessageBatch"("authorId", "clientId");
CREATE TABLE "new_PushSubscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "userAgent" TEXT,
    "sessionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastPushAt" DATETIME,
    CONSTRAINT "PushSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PushSubscription" ("auth", "createdAt", "endpoint", "id", "p256dh", "userId") SELECT "auth", "createdAt", "endpoint", "id", "p256dh", "userId" FROM "PushSubscription";
DROP TABLE "PushSubscription";
ALTER TABLE "new_PushSubscription" RENAME TO "PushSubscription";
CREATE UNIQUE INDEX "PushSubscription_endpoint_key" ON "PushSubscription"("endpoint");
CREATE INDEX "PushSubscription_userId_idx" ON "PushSubscription"("userId");
CREATE INDEX "PushSubscription_organizationId_idx" ON "PushSubscription"("organizationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

