import "server-only";
import { db } from "@/lib/db";
import { sql, writeTransaction } from "@/lib/db/sql";

// Failed sign-ins are counted in the database, so several server instances share the
// counts, on three keys:
// - the account from one address: 5 failures lock that pair for 15 minutes (someone
//   guessing from one place stops there, the owner elsewhere is not affected);
// - the address, whatever the accounts: 30 failures lock it for 15 minutes;
// - the account from anywhere: past 10 failures each try waits a little longer, 1 s,
//   2 s, 4 s… but never more than 30 s. An attacker spread over many addresses is slowed
//   down to a crawl, and cannot keep the owner out: they wait seconds at most.
export const THROTTLE = {
  pair: { limit: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  address: { limit: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  account: { limit: 10, windowMs: 15 * 60_000, maxDelayMs: 30_000 },
} as const;

export type ThrottleKeys = { pair: string; account: string; address: string };

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  const account = `email:${email.toLowerCase()}`;
  return { pair: `${account}|ip:${ip}`, account, address: `ip:${ip}` };
}

/** The time until which sign-in is refused, or null. */
export async function lockedUntil(keys: ThrottleKeys, now = new Date()): Promise<Date | null> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: [keys.pair, keys.account, keys.address] }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const times = rows.map((r) => r.lockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/** How long a key is refused after `failures` within its window (0: not refused). */
function refusalMs(key: keyof ThrottleKeys, failures: number): number {
  if (key === "account") {
    const over = failures - THROTTLE.account.limit;
    return over < 0 ? 0 : Math.min(1000 * 2 ** over, THROTTLE.account.maxDelayMs);
  }
  return failures >= THROTTLE[key].limit ? THROTTLE[key].lockMs : 0;
}

/** Counts a failure on every key, atomically (concurrent failures on several instances all count). */
export async function recordFailure(keys: ThrottleKeys, now = new Date()): Promise<void> {
  await writeTransaction(async (ex) => {
    for (const name of ["pair", "account", "address"] as const) {
      const key = keys[name];
      const windowFrom = new Date(now.getTime() - THROTTLE[name].windowMs);
      const row = await ex.get(
        sql`
        INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil") VALUES (${key}, 1, ${now}, NULL)
        ON CONFLICT ("key") DO UPDATE SET
          "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowFrom} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
          "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowFrom} THEN excluded."windowStart" ELSE "SignInThrottle"."windowStart" END
        RETURNING "failures"`,
        { failures: "int" },
      );
      const ms = row ? refusalMs(name, row.failures) : 0;
      if (ms)
        await ex.run(
          sql`UPDATE "SignInThrottle" SET "lockedUntil" = ${new Date(now.getTime() + ms)} WHERE "key" = ${key}`,
        );
    }
  });
}

/** A success forgets the account's failures (from this address and from anywhere). */
export async function clearAccount(keys: ThrottleKeys): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: [keys.pair, keys.account] } } });
}
