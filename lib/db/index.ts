import "server-only";
import { createPrismaClient, type Db } from "./create-client";
import { databaseFile } from "./path";

// One client per server process; kept on globalThis so dev reloads do not open more.
const globalForDb = globalThis as unknown as { shiftlineDb?: Db };

export const db: Db = globalForDb.shiftlineDb ?? createPrismaClient(databaseFile());
globalForDb.shiftlineDb = db;

export type { Db };

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * An interactive write transaction that takes SQLite's write lock first. Prisma's
 * adapter opens transactions with a deferred BEGIN; one that reads, then writes
 * after the SQL executor (lib/db/sql.ts) committed, would fail with SQLITE_BUSY.
 * A write statement that changes nothing takes the lock up front.
 */
export function writeTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM "SignInThrottle" WHERE 0`;
    return work(tx);
  });
}
