-- AlterTable
ALTER TABLE "Job" ADD COLUMN "organizationId" TEXT;

-- CreateIndex
CREATE INDEX "Job_organizationId_doneAt_idx" ON "Job"("organizationId", "doneAt");


-- Jobs already queued learn their organisation from the row they serve.
UPDATE "Job" SET "organizationId" = (SELECT e."organizationId" FROM "ExportJob" e WHERE e."id" = json_extract("Job"."payload", '$.exportId')) WHERE "kind" = 'export.attachments';
UPDATE "Job" SET "organizationId" = (SELECT s."organizationId" FROM "SmsDelivery" s WHERE s."id" = json_extract("Job"."payload", '$.deliveryId')) WHERE "kind" = 'sms.send';
UPDATE "Job" SET "organizationId" = (SELECT o."organizationId" FROM "EmailOutbox" o WHERE o."id" = json_extract("Job"."payload", '$.id')) WHERE "kind" = 'email.send';
UPDATE "Job" SET "organizationId" = (SELECT b."organizationId" FROM "MessageBatch" b WHERE b."id" = json_extract("Job"."payload", '$.batchId')) WHERE "kind" = 'batch.post';
