-- AlterTable
ALTER TABLE "Message" ADD COLUMN "notice" JSONB;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN "departmentId" TEXT;

