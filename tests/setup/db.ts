import { copyFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll } from "vitest";

// A throwaway SQLite database for this test file, copied from the migrated template.
const file = path.resolve(`.tmp/vitest/${randomUUID()}.db`);
copyFileSync(path.resolve(".tmp/vitest/template.db"), file);
process.env.DATABASE_URL = `file:${file}`;
process.env.NEXTAUTH_SECRET ??= "vitest-secret";
delete (globalThis as { shiftlineDb?: unknown }).shiftlineDb;

afterAll(async () => {
  const { closeSql } = await import("@/lib/db/sql");
  closeSql();
  const db = (globalThis as { shiftlineDb?: { $disconnect(): Promise<void> } }).shiftlineDb;
  await db?.$disconnect();
});
