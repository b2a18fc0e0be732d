-- AlterTable
ALTER TABLE "Attachment" ALTER COLUMN "conversationId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "MessageBatch" ADD COLUMN     "attachmentIds" JSONB;

