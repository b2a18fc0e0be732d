-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "confirmAsked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "confirmedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "MessageBatch" ADD COLUMN     "askConfirm" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "followUpMinutes" INTEGER,
ADD COLUMN     "reminders" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "BatchRecipient" ADD COLUMN     "remindPending" INTEGER,
ADD COLUMN     "reminded" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ScheduledMessage" ADD COLUMN     "followUp" JSONB;

