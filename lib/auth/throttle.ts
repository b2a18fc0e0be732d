import "server-only";
import { db, writeTx } from "@/lib/db";

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

export async function recordFailure(keys: ThrottleKeys, now = new Date()): Promise<void> {
  await writeTx(async (tx) => {
    for (const [key, rule] of [
      [keys.account, THROTTLE.account],
      [keys.address, THROTTLE.address],
    ] as const) {
      const row = await tx.signInThrottle.findUnique({ where: { key } });
      const fresh = !row || now.getTime() - row.windowStart.getTime() > rule.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const lock = failures >= rule.limit ? new Date(now.getTime() + rule.lockMs) : null;
      await tx.signInThrottle.upsert({
        where: { key },
        create: { key, failures, windowStart: now, lockedUntil: lock },
        update: { failures, ...(fresh ? { windowStart: now } : {}), lockedUntil: lock },
      });
    }
  });
}

export async function clearAccount(keys: ThrottleKeys): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: keys.account } });
}
