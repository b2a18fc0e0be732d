import "server-only";
import { config } from "@/lib/config";
import { joinSql, lockRow, sql, type SqlExec } from "@/lib/db/exec";

// How much one account (and one organisation) may upload, so that nobody can fill the
// server's disk with files never sent: the bytes waiting for a message, per person and per
// organisation; the bytes uploaded in the last hour, per person; and one request's bytes.
// Each refusal says which limit, and what to do; the files already kept stay.

const MB = 1024 * 1024;

export function uploadLimits() {
  const c = config();
  return {
    request: c.UPLOAD_REQUEST_MAX_BYTES ?? 60 * MB,
    userWaiting: c.UPLOAD_WAITING_MAX_BYTES_USER ?? 100 * MB,
    orgWaiting: c.UPLOAD_WAITING_MAX_BYTES_ORG ?? 2048 * MB,
    perHour: c.UPLOAD_MAX_BYTES_PER_HOUR ?? 500 * MB,
  };
}

export type Usage = { userWaiting: number; orgWaiting: number; lastHour: number };
export type Refusal = { error: string; values: Record<string, number> };

/** Waiting: uploaded, not (yet) sent with a message, nor taken by a grouped message. */
const waiting = sql`"messageId" IS NULL AND "sharedAt" IS NULL`;

export async function uploadUsage(
  tx: Pick<SqlExec, "get">,
  who: { organizationId: string; uploaderId: string },
  now = new Date(),
): Promise<Usage> {
  const sum = async (where: ReturnType<typeof sql>) =>
    (await tx.get(sql`SELECT COALESCE(SUM("size"), 0) AS "n" FROM "Attachment" WHERE ${where}`, { n: "float" }))?.n ??
    0;
  const mine = sql`"organizationId" = ${who.organizationId} AND "uploaderId" = ${who.uploaderId}`;
  return {
    userWaiting: await sum(joinSql([mine, waiting], " AND ")),
    orgWaiting: await sum(joinSql([sql`"organizationId" = ${who.organizationId}`, waiting], " AND ")),
    lastHour: await sum(joinSql([mine, sql`"createdAt" > ${new Date(now.getTime() - 3600_000)}`], " AND ")),
  };
}

const mb = (bytes: number) => Math.max(1, Math.round(bytes / MB));

/** Why `size` more bytes may not be kept, or null. */
export function refusalFor(usage: Usage, size: number, limits = uploadLimits()): Refusal | null {
  if (usage.userWaiting + size > limits.userWaiting)
    return { error: "errors.file.waitingQuota", values: { size: mb(limits.userWaiting) } };
  if (usage.lastHour + size > limits.perHour)
    return { error: "errors.file.hourQuota", values: { size: mb(limits.perHour) } };
  if (usage.orgWaiting + size > limits.orgWaiting) return { error: "errors.file.orgQuota", values: {} };
  return null;
}

/** Checked again where the file is recorded, with the uploader locked: uploads at the same moment cannot pass a limit together. */
export async function recheckInTx(
  tx: SqlExec,
  who: { organizationId: string; uploaderId: string },
  size: number,
): Promise<Refusal | null> {
  await lockRow(tx, "User", who.uploaderId);
  return refusalFor(await uploadUsage(tx, who), size);
}
