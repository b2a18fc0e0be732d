import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate, readMigrations } from "./migrate";

function scratch() {
  const dir = mkdtempSync(path.join(tmpdir(), "shiftline-migrate-"));
  return { dir, file: path.join(dir, "db.sqlite") };
}

describe("migrate", () => {
  it("applies the committed migrations once, in WAL mode, recorded the way Prisma records them", () => {
    const { file } = scratch();
    const all = readMigrations();
    expect(migrate(file)).toEqual(all.map((m) => m.name));
    expect(migrate(file)).toEqual([]);
    const db = new Database(file);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const rows = db.prepare("SELECT migration_name, checksum, finished_at FROM _prisma_migrations").all() as {
      checksum: string;
      finished_at: number;
    }[];
    expect(rows).toHaveLength(all.length);
    expect(rows[0]!.checksum).toBe(all[0]!.checksum);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'Message'").get()).toEqual({ n: 1 });
    db.close();
  });

  it("refuses a migration edited after it was applied, and rolls back a failing one", () => {
    const { dir, file } = scratch();
    const mdir = path.join(dir, "migrations");
    mkdirSync(path.join(mdir, "001_a"), { recursive: true });
    writeFileSync(path.join(mdir, "001_a", "migration.sql"), "CREATE TABLE a (id INTEGER);");
    migrate(file, readMigrations(mdir));
    writeFileSync(path.join(mdir, "001_a", "migration.sql"), "CREATE TABLE a (id TEXT);");
    expect(() => migrate(file, readMigrations(mdir))).toThrow("001_a was changed");

    const { file: file2 } = scratch();
    mkdirSync(path.join(mdir, "002_bad"), { recursive: true });
    writeFileSync(
      path.join(mdir, "002_bad", "migration.sql"),
      "CREATE TABLE b (id INTEGER); CREATE TABLE b (id INTEGER);",
    );
    expect(() => migrate(file2, readMigrations(mdir))).toThrow();
    const db = new Database(file2);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('a', 'b') ORDER BY name").all()).toEqual([
      { name: "a" },
    ]);
    db.close();
  });
});
