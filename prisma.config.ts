import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseFile } from "./lib/db/path";

// The JS schema engine works offline; the classic one downloads a binary.
// See docs/decisions/001-prisma-6-19-js-engine.md.
export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: databaseFile() }),
});
