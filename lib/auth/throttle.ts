import "server-only";
import { db } from "@/lib/db";
import { sql, writeTransaction } from "@/lib/db/sql";

// Failed sign-ins are counted per account and per address in the database, so
// several server instances share the count. A lock ends by itself.
export const THROTTLE = {
  account: { limit: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  address: { limit: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

export type ThrottleKeys = { account: string; address: string };

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return { account: `email:${email.toLowerCase()}`, address: `ip:${ip}` };
}

/** The time until which sign-in is refused, or null. */
export async function lockedUntil(keys: ThrottleKeys, now = new Date()): Promise<Date | null> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: [keys.account, keys.address] }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const times = rows.map((r) => r.lockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/** Counts a failure on both keys, atomically (concurrent failures on several instances all count). */
export async function recordFailure(keys: ThrottleKeys, now = new Date()): Promise<void> {
  await writeTransaction(async (ex) => {
    for (const [key, rule] of [
      [keys.account, THROTTLE.account],
      [keys.address, THROTTLE.address],
    ] as const) {
      const windowFrom = new Date(now.getTime() - rule.windowMs);
      const row = await ex.get<{ failures: number }>(sql`
        INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil") VALUES (${key}, 1, ${now}, NULL)
        ON CONFLICT ("key") DO UPDATE SET
          "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowFrom} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
          "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowFrom} THEN excluded."windowStart" ELSE "SignInThrottle"."windowStart" END
        RETURNING "failures"`);
      if (row && Number(row.failures) >= rule.limit) {
        await ex.run(sql`UPDATE "SignInThrottle" SET "lockedUntil" = ${new Date(now.getTime() + rule.lockMs)} WHERE "key" = ${key}`);
      }
    }
  });
}

export async function clearAccount(keys: ThrottleKeys): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: keys.account } });
}
