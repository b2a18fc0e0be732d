-- AlterTable
ALTER TABLE "MessageBatch" ADD COLUMN "followUpProblem" JSONB;
ALTER TABLE "MessageBatch" ADD COLUMN "followedUpAt" DATETIME;
ALTER TABLE "MessageBatch" ADD COLUMN "followedUpCount" INTEGER;

