-- What staff did about a shift question, as data rendered in each reader's language
-- (lib/messaging/shift-action.ts) instead of an English sentence. Sentences already
-- stored are kept as they are, as "legacy" records.
ALTER TABLE "Message" ADD COLUMN "action" JSONB;
UPDATE "Message" SET "action" = jsonb_build_object('kind', 'legacy', 'text', "actionSummary") WHERE "actionSummary" IS NOT NULL;
ALTER TABLE "Message" DROP COLUMN "actionSummary";
