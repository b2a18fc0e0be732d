import "server-only";
import { sql, writeTransaction } from "@/lib/db/sql";

/** Events older than this are pruned; a client that was away longer is told to reload. */
const EVENT_RETENTION_MS = 7 * 24 * 3600_000;
const BATCH = 5000;

/** Forgets signed-out sessions whose tokens have expired anyway. Returns how many. */
export async function pruneRevokedSessions(now = new Date()): Promise<number> {
  return writeTransaction((tx) => tx.run(sql`DELETE FROM "RevokedSession" WHERE "expiresAt" < ${now}`));
}

/** Deletes events older than the retention, a batch per transaction. Returns how many. */
export async function pruneEvents(now = new Date(), retentionMs = EVENT_RETENTION_MS): Promise<number> {
  const before = new Date(now.getTime() - retentionMs);
  let total = 0;
  for (;;) {
    const n = await writeTransaction((tx) =>
      tx.run(
        sql`DELETE FROM "Event" WHERE "id" IN (SELECT "id" FROM "Event" WHERE "createdAt" < ${before} ORDER BY "id" LIMIT ${BATCH})`,
      ),
    );
    total += n;
    if (n < BATCH) return total;
  }
}
