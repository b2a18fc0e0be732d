import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PgPrismaClient } from "./generated-pg/client";
import { sqliteAdapter } from "./adapter";
import { registerDialect } from "./exec";
import { databaseFile, databaseUrl, dialectOf } from "./path";
import { logRateLimited } from "../log";
import { config } from "../config";

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
            { connectionString: url, max: config().DATABASE_POOL_SIZE ?? 10 },
            // A dropped connection (the server restarting) is said once a minute, never thrown out of the process.
            { onPoolError: lost, onConnectionError: lost },
          ),
        }) as unknown as PrismaClient)
      : new PrismaClient({ adapter: sqliteAdapter(databaseFile(url)) });
  registerDialect(client, dialect);
  return client;
}

const lost = (error: Error) => logRateLimited("db.connection", `[db] PostgreSQL connection lost: ${error.message}`);

export type Db = PrismaClient;
