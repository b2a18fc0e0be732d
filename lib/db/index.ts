import "server-only";
import { createPrismaClient, type Db } from "./create-client";
import { prismaWriteTx, type SqlExec } from "./exec";

// One client per server process; kept on globalThis so dev reloads do not open more.
const globalForDb = globalThis as unknown as { shiftlineDb?: Db };

export const db: Db = globalForDb.shiftlineDb ?? createPrismaClient();
globalForDb.shiftlineDb = db;

export type { Db };
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * An interactive write transaction: `tx` is Prisma's, `ex` the same transaction as
 * a SqlExec for the shared statements (messages, events). After-commit hooks (the
 * realtime wake-up) run once it has committed.
 */
export function writeTx<T>(work: (tx: Tx, ex: SqlExec) => Promise<T>): Promise<T> {
  return prismaWriteTx(db, work as never) as Promise<T>;
}
