import { PrismaClient } from "./generated/client";
import { sqliteAdapter } from "./adapter";

/** A Prisma client on one SQLite file. Used by the app (lib/db/index.ts), scripts and tests. */
export function createPrismaClient(file: string): PrismaClient {
  return new PrismaClient({ adapter: sqliteAdapter(file) });
}

export type Db = PrismaClient;
