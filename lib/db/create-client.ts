import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PgPrismaClient } from "./generated-pg/client";
import { sqliteAdapter } from "./adapter";
import { registerDialect } from "./exec";
import { databaseFile, databaseUrl, dialectOf } from "./path";
import { logRateLimited } from "../log";
import { pgPoolOptions } from "./pg-pool";

/**
 * A Prisma client on DATABASE_URL's database (or `url`): SQLite through
 * better-sqlite3, PostgreSQL through pg. Both clients come from the one schema and
 * have the same API; the app types them as the SQLite one. Used by the app
 * (lib/db/index.ts), scripts and tests.
 */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  const dialect = dialectOf(url);
  const client =
    dialect === "postgres"
      ? (new PgPrismaClient({
          adapter: new PrismaPg(
            pgPoolOptions(url),
            // A dropped connection (the server restarting) is said once a minute, never thrown out of the process.
            { onPoolError: lost, onConnectionError: lost },
          ),
        }).$extends(SAME_NUMBERS) as unknown as PrismaClient)
      : new PrismaClient({ adapter: sqliteAdapter(databaseFile(url)) });
  registerDialect(client, dialect);
  return client;
}

/**
 * The event log's 64-bit columns (Event.id, Event.seq, Organization.eventSeq) are BIGINT on
 * PostgreSQL and INTEGER on SQLite: read back as numbers here too, so the one client type
 * the app uses (the SQLite one's) says what every database returns. They stay far below
 * 2^53 (a million events a day for 24 billion years).
 */
const SAME_NUMBERS = {
  query: {
    $allModels: {
      async $allOperations({ args, query }: { args: unknown; query: (args: unknown) => Promise<unknown> }) {
        return toNumbers(await query(args));
      },
    },
  },
};

function toNumbers(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(toNumbers);
  const proto = v && typeof v === "object" ? Object.getPrototypeOf(v) : undefined;
  if (proto === Object.prototype || proto === null) {
    for (const [k, x] of Object.entries(v as object))
      if (typeof x === "bigint" || (x && typeof x === "object")) (v as Record<string, unknown>)[k] = toNumbers(x);
  }
  return v;
}

const lost = (error: Error) => logRateLimited("db.connection", `[db] PostgreSQL connection lost: ${error.message}`);

export type Db = PrismaClient;
