import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrate } from "../../lib/db/migrate";
import { migratePostgres } from "../../lib/db/migrate-postgres";
import { databaseIn, onServer, TEMPLATE_DB, testPostgres } from "./postgres";

// One migrated template database per run; each test file copies it (tests/setup/db.ts).
export const TEMPLATE = path.resolve(".tmp/vitest/template.db");

export default async function setup() {
  const server = testPostgres();
  if (server) {
    await onServer(server, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    });
    await migratePostgres(databaseIn(server, TEMPLATE_DB));
    return async () => onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`));
  }
  rmSync(path.dirname(TEMPLATE), { recursive: true, force: true });
  mkdirSync(path.dirname(TEMPLATE), { recursive: true });
  migrate(TEMPLATE);
  // migrate() closes its connection, which folds the WAL into the file, so a plain copy is complete.
  return () => rmSync(path.dirname(TEMPLATE), { recursive: true, force: true });
}
