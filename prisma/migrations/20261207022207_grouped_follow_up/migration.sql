-- A grouped message's follow-up (lib/inbox/follow-up.ts). Columns with constant defaults: added in
-- place, no table rebuilt (Message is the largest table).
ALTER TABLE "ScheduledMessage" ADD COLUMN "followUp" JSONB;

ALTER TABLE "Message" ADD COLUMN "confirmAsked" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Message" ADD COLUMN "confirmedAt" DATETIME;

ALTER TABLE "MessageBatch" ADD COLUMN "askConfirm" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "MessageBatch" ADD COLUMN "followUpMinutes" INTEGER;
ALTER TABLE "MessageBatch" ADD COLUMN "reminders" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "BatchRecipient" ADD COLUMN "remindPending" INTEGER;
ALTER TABLE "BatchRecipient" ADD COLUMN "reminded" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BatchRecipient" ADD COLUMN "remindedAt" DATETIME;
