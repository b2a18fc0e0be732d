import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { databaseIn, onServer, testPostgres } from "@/tests/setup/postgres";
import { readMigrations } from "./migrate";
import { migratePostgres, POSTGRES_MIGRATIONS } from "./migrate-postgres";

const server = testPostgres();

describe.skipIf(!server)("migratePostgres", () => {
  it("applies the committed migrations once, recorded in Prisma's table, and refuses an edited one", async () => {
    const name = `m_${randomUUID().replace(/-/g, "")}`;
    await onServer(server!, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = databaseIn(server!, name);
    try {
      const all = readMigrations(POSTGRES_MIGRATIONS);
      expect(await migratePostgres(url)).toEqual(all.map((m) => m.name));
      expect(await migratePostgres(url)).toEqual([]);
      const rows = await onServer(url, (c) =>
        c.query<{ migration_name: string; checksum: string }>(
          `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
        ),
      );
      expect(rows.rows.map((r) => r.checksum)).toEqual(all.map((m) => m.checksum));
      const edited = all.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
      await expect(migratePostgres(url, edited)).rejects.toThrow(/was changed after it was applied/);
      // Event ids are 64-bit and payloads JSON.
      const cols = await onServer(url, (c) =>
        c.query<{ column_name: string; data_type: string }>(
          `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'Event' AND column_name IN ('id', 'seq', 'payload') ORDER BY column_name`,
        ),
      );
      expect(cols.rows).toEqual([
        { column_name: "id", data_type: "bigint" },
        { column_name: "payload", data_type: "jsonb" },
        { column_name: "seq", data_type: "bigint" },
      ]);
    } finally {
      await onServer(server!, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  });
});
