import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrate } from "../../lib/db/migrate";

// One migrated template database per run; each test file copies it (tests/setup/db.ts).
export const TEMPLATE = path.resolve(".tmp/vitest/template.db");

export default function setup() {
  rmSync(path.dirname(TEMPLATE), { recursive: true, force: true });
  mkdirSync(path.dirname(TEMPLATE), { recursive: true });
  migrate(TEMPLATE);
  // migrate() closes its connection, which folds the WAL into the file, so a plain copy is complete.
  return () => rmSync(path.dirname(TEMPLATE), { recursive: true, force: true });
}
