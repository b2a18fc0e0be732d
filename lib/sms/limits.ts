import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/api/errors";
import { inChunks } from "@/lib/db/chunks";

// Against SMS pumping (someone making Shiftline text numbers that pay them): at most so
// many SMS per organisation and per number in the last hour. Checked before anything is
// sent, so a grouped message goes whole or not at all.

const HOUR = 3600_000;
export const orgHourlyLimit = () => Number(process.env.SMS_LIMIT_PER_HOUR) || 1000;
export const numberHourlyLimit = () => Number(process.env.SMS_LIMIT_PER_NUMBER_HOUR) || 10;

export async function requireSmsRoom(organizationId: string, phones: string[], now = new Date()): Promise<void> {
  if (phones.length === 0) return;
  const since = new Date(now.getTime() - HOUR);
  const sent = await db.smsDelivery.count({ where: { organizationId, createdAt: { gte: since } } });
  if (sent + phones.length > orgHourlyLimit())
    throw new UserError("errors.sms.orgLimit", { limit: orgHourlyLimit(), left: Math.max(0, orgHourlyLimit() - sent) });
  const perNumber = await inChunks([...new Set(phones)], (slice) =>
    db.smsDelivery.groupBy({ by: ["toPhone"], where: { organizationId, createdAt: { gte: since }, toPhone: { in: slice } }, _count: true }),
  );
  const full = perNumber.filter((p) => p._count + 1 > numberHourlyLimit());
  if (full.length) throw new UserError("errors.sms.numberLimit", { limit: numberHourlyLimit(), count: full.length });
}
