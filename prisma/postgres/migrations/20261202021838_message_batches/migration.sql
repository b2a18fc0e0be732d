-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "batchId" TEXT;

-- CreateTable
CREATE TABLE "MessageBatch" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "smsCopy" BOOLEAN NOT NULL DEFAULT false,
    "recipientCount" INTEGER NOT NULL,
    "smsCount" INTEGER NOT NULL DEFAULT 0,
    "postedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BatchRecipient" (
    "batchId" TEXT NOT NULL,
    "teammateId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT,
    "sms" TEXT NOT NULL DEFAULT 'none',

    CONSTRAINT "BatchRecipient_pkey" PRIMARY KEY ("batchId","teammateId")
);

-- CreateIndex
CREATE INDEX "MessageBatch_organizationId_createdAt_idx" ON "MessageBatch"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MessageBatch_authorId_clientId_key" ON "MessageBatch"("authorId", "clientId");

-- CreateIndex
CREATE INDEX "BatchRecipient_batchId_messageId_idx" ON "BatchRecipient"("batchId", "messageId");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "MessageBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageBatch" ADD CONSTRAINT "MessageBatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchRecipient" ADD CONSTRAINT "BatchRecipient_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "MessageBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

