-- DropIndex
DROP INDEX "Attachment_conversationId_createdAt_idx";

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "height" INTEGER,
ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sharedAt" TIMESTAMP(3),
ADD COLUMN     "thumbKey" TEXT,
ADD COLUMN     "width" INTEGER;

-- AlterTable
ALTER TABLE "ExportJob" ADD COLUMN     "progress" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "selection" JSONB,
ADD COLUMN     "total" INTEGER;

-- CreateIndex
CREATE INDEX "Attachment_conversationId_sharedAt_idx" ON "Attachment"("conversationId", "sharedAt");

-- CreateIndex
CREATE INDEX "Attachment_messageId_idx" ON "Attachment"("messageId");

-- CreateIndex
CREATE INDEX "Attachment_uploaderId_sharedAt_createdAt_idx" ON "Attachment"("uploaderId", "sharedAt", "createdAt");

