import { copyFileSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll } from "vitest";
import { databaseIn, onServer, TEMPLATE_DB, testPostgres } from "./postgres";

// A throwaway database for this test file: a copy of the migrated template, a file
// on SQLite, a database on PostgreSQL (with TEST_POSTGRES_URL).
const server = testPostgres();
const name = `t_${randomUUID().replace(/-/g, "")}`;
if (server) {
  await onServer(server, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
  process.env.DATABASE_URL = databaseIn(server, name);
} else {
  const file = path.resolve(`.tmp/vitest/${name}.db`);
  copyFileSync(path.resolve(".tmp/vitest/template.db"), file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.NEXTAUTH_SECRET ??= "vitest-secret-not-for-production";
// Uploaded files of this test file, apart from every other's.
process.env.FILES_DIR = path.resolve(`.tmp/vitest/files-${name}`);
delete (globalThis as { shiftlineDb?: unknown }).shiftlineDb;

afterAll(async () => {
  const { closeSql } = await import("@/lib/db/sql");
  const { stopListening } = await import("@/lib/db/notify");
  await stopListening();
  await closeSql();
  const db = (globalThis as { shiftlineDb?: { $disconnect(): Promise<void> } }).shiftlineDb;
  await db?.$disconnect();
  rmSync(process.env.FILES_DIR!, { recursive: true, force: true });
  if (server) await onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});
