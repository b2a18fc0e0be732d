import "server-only";
import { UserError } from "@/lib/errors";
import { config } from "@/lib/config";
import { joinSql, lockRow, sql, type SqlExec } from "@/lib/db/exec";

// Against SMS pumping (someone making Shiftline text numbers that pay them): at most so
// many SMS per organisation and per number in the last hour. Checked in the transaction
// that writes the SMS (or the grouped message that will), with the organisation locked, so
// two sends at the same moment cannot pass the limit together; a grouped message goes whole
// or not at all. SMS a grouped message will send but has not written yet count already.

const HOUR = 3600_000;
const CHUNK = 500;
const orgHourlyLimit = () => config().SMS_LIMIT_PER_HOUR ?? 1000;
const numberHourlyLimit = () => config().SMS_LIMIT_PER_NUMBER_HOUR ?? 10;

/** Copies of grouped messages still being written, whose SMS are not rows yet. */
const pendingCopies = (
  organizationId: string,
) => sql`FROM "BatchRecipient" r JOIN "MessageBatch" b ON b."id" = r."batchId"
  WHERE b."organizationId" = ${organizationId} AND b."postedAt" IS NULL AND r."sms" = 'eligible' AND r."messageId" IS NULL`;

export async function requireSmsRoom(
  tx: SqlExec,
  organizationId: string,
  phones: string[],
  now = new Date(),
): Promise<void> {
  if (phones.length === 0) return;
  await lockRow(tx, "Organization", organizationId);
  const since = new Date(now.getTime() - HOUR);
  const count = async (q: ReturnType<typeof sql>) => (await tx.get(q, { n: "int" }))?.n ?? 0;
  const sent =
    (await count(
      sql`SELECT COUNT(*) AS "n" FROM "SmsDelivery" WHERE "organizationId" = ${organizationId} AND "createdAt" >= ${since}`,
    )) + (await count(sql`SELECT COUNT(*) AS "n" ${pendingCopies(organizationId)}`));
  const limit = orgHourlyLimit();
  if (sent + phones.length > limit)
    throw new UserError("errors.sms.orgLimit", { limit, left: Math.max(0, limit - sent) });

  const perNumber = new Map<string, number>();
  const unique = [...new Set(phones)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const list = joinSql(
      unique.slice(i, i + CHUNK).map((p) => sql`${p}`),
      ", ",
    );
    const rows = await tx.all(
      sql`
      SELECT "toPhone" AS "phone", COUNT(*) AS "n" FROM "SmsDelivery"
        WHERE "organizationId" = ${organizationId} AND "createdAt" >= ${since} AND "toPhone" IN (${list}) GROUP BY "toPhone"
      UNION ALL
      SELECT u."phone" AS "phone", COUNT(*) AS "n" FROM "BatchRecipient" r JOIN "MessageBatch" b ON b."id" = r."batchId" JOIN "User" u ON u."id" = r."teammateId"
        WHERE b."organizationId" = ${organizationId} AND b."postedAt" IS NULL AND r."sms" = 'eligible' AND r."messageId" IS NULL AND u."phone" IN (${list})
        GROUP BY u."phone"`,
      { phone: "text", n: "int" },
    );
    for (const r of rows) perNumber.set(r.phone, (perNumber.get(r.phone) ?? 0) + r.n);
  }
  const full = unique.filter((p) => (perNumber.get(p) ?? 0) + 1 > numberHourlyLimit());
  if (full.length) throw new UserError("errors.sms.numberLimit", { limit: numberHourlyLimit(), count: full.length });
}
