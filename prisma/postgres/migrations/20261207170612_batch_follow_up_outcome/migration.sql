-- AlterTable
ALTER TABLE "MessageBatch" ADD COLUMN     "followUpProblem" JSONB,
ADD COLUMN     "followedUpAt" TIMESTAMP(3),
ADD COLUMN     "followedUpCount" INTEGER;

