-- AlterTable: the audit data becomes JSON, keeping every entry's details (text that is not JSON becomes null).
CREATE FUNCTION "shiftline_try_jsonb"(t TEXT) RETURNS JSONB LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN t::jsonb;
EXCEPTION WHEN others THEN
  RETURN NULL;
END;
$$;
ALTER TABLE "AuditEntry" ALTER COLUMN "data" TYPE JSONB USING "shiftline_try_jsonb"("data");
DROP FUNCTION "shiftline_try_jsonb"(TEXT);

-- The notification jobs belong to the areas that queue them (lib/conversations/notify.ts, lib/chat/notify.ts).
UPDATE "Job" SET "kind" = 'message.notify' WHERE "kind" = 'push.message';
UPDATE "Job" SET "kind" = 'channel.notify' WHERE "kind" = 'push.channel';
