-- CreateTable
CREATE TABLE "NoteMention" (
    "noteId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3),

    CONSTRAINT "NoteMention_pkey" PRIMARY KEY ("noteId","userId")
);

-- CreateIndex
CREATE INDEX "NoteMention_userId_seenAt_idx" ON "NoteMention"("userId", "seenAt");

-- CreateIndex
CREATE INDEX "NoteMention_conversationId_userId_idx" ON "NoteMention"("conversationId", "userId");

-- AddForeignKey
ALTER TABLE "NoteMention" ADD CONSTRAINT "NoteMention_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "PrivateNote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

