import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseFile, databaseUrl, dialectOf } from "./lib/db/path";

// The JS schema engine works offline; the classic one downloads a binary.
// See docs/decisions/001-prisma-6-19-js-engine.md. DATABASE_URL picks SQLite or
// PostgreSQL (whose schema is derived from prisma/schema.prisma: scripts/lib/postgres-schema.mjs).
const postgres = dialectOf(databaseUrl()) === "postgres";

export default defineConfig({
  experimental: { adapter: true },
  schema: postgres ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: { path: postgres ? path.join("prisma", "postgres", "migrations") : path.join("prisma", "migrations") },
  engine: "js",
  adapter: async () =>
    postgres ? new PrismaPg({ connectionString: databaseUrl() }) : new PrismaBetterSQLite3({ url: databaseFile() }),
});
