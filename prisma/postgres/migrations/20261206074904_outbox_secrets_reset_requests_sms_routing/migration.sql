-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "smsSender" TEXT;

-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "secret" TEXT;

-- CreateTable
CREATE TABLE "InboundSms" (
    "sid" TEXT NOT NULL,
    "fromPhone" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "organizationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundSms_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "PasswordResetRequest" (
    "id" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboundSms_createdAt_idx" ON "InboundSms"("createdAt");

-- CreateIndex
CREATE INDEX "PasswordResetRequest_emailHash_createdAt_idx" ON "PasswordResetRequest"("emailHash", "createdAt");

-- CreateIndex
CREATE INDEX "PasswordResetRequest_ip_createdAt_idx" ON "PasswordResetRequest"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_smsSender_key" ON "Organization"("smsSender");

