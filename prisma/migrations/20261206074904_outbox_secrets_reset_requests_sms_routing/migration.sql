-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "smsSender" TEXT;

-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN "secret" TEXT;

-- CreateTable
CREATE TABLE "InboundSms" (
    "sid" TEXT NOT NULL PRIMARY KEY,
    "fromPhone" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "organizationId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PasswordResetRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "emailHash" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "InboundSms_createdAt_idx" ON "InboundSms"("createdAt");

-- CreateIndex
CREATE INDEX "PasswordResetRequest_emailHash_createdAt_idx" ON "PasswordResetRequest"("emailHash", "createdAt");

-- CreateIndex
CREATE INDEX "PasswordResetRequest_ip_createdAt_idx" ON "PasswordResetRequest"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_smsSender_key" ON "Organization"("smsSender");

