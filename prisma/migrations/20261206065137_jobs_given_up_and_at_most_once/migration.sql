-- AlterTable
ALTER TABLE "SmsDelivery" ADD COLUMN "sendingAt" DATETIME;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN "failedAt" DATETIME;

-- CreateTable
CREATE TABLE "PushDelivery" (
    "jobId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("jobId", "subscriptionId")
);

-- CreateIndex
CREATE INDEX "PushDelivery_createdAt_idx" ON "PushDelivery"("createdAt");

