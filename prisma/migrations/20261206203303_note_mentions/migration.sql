-- CreateTable
CREATE TABLE "NoteMention" (
    "noteId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" DATETIME,

    PRIMARY KEY ("noteId", "userId"),
    CONSTRAINT "NoteMention_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "PrivateNote" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "NoteMention_userId_seenAt_idx" ON "NoteMention"("userId", "seenAt");

-- CreateIndex
CREATE INDEX "NoteMention_conversationId_userId_idx" ON "NoteMention"("conversationId", "userId");

