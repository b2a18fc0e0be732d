import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { openSqlite } from "./sqlite-file";
import { backfillSqliteSearch } from "./search-index";

// Applies prisma/migrations/*/migration.sql to a SQLite file and records them
// in Prisma's own `_prisma_migrations` table, so `prisma migrate status` agrees.
// Why not `prisma migrate deploy`: see docs/decisions/002-own-migration-runner.md.

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

// Work a migration's SQL cannot do on SQLite, run in its transaction: the search index's
// stems are computed in JavaScript (lib/db/search-words.ts).
const AFTER_MIGRATION: Record<string, (db: ReturnType<typeof openSqlite>) => void> = {
  "20261206233000_message_search": (db) => void backfillSqliteSearch(db),
};

export type Migration = { name: string; sql: string; checksum: string };

// Read from the working directory at run time, not traced into the build: without the comments,
// Turbopack's file tracing took in the whole repository for the health route that imports this.
export function readMigrations(dir = path.join(process.cwd(), "prisma", "migrations")): Migration[] {
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** The query both runners read Prisma's table with. */
export const APPLIED_QUERY = `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`;

/** The migrations still to apply, in order; one changed after it was applied is refused. */
export function pending(migrations: Migration[], applied: { migration_name: string; checksum: string }[]): Migration[] {
  const known = new Map(applied.map((r) => [r.migration_name, r.checksum]));
  return migrations.filter((m) => {
    const checksum = known.get(m.name);
    if (checksum && checksum !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied.`);
    return !checksum;
  });
}

/** Applies pending migrations; returns the names applied. */
export function migrate(file: string, migrations = readMigrations()): string[] {
  const db = openSqlite(file);
  try {
    db.exec(MIGRATIONS_TABLE);
    const applied = db.prepare(APPLIED_QUERY).all() as { migration_name: string; checksum: string }[];
    const done: string[] = [];
    for (const m of pending(migrations, applied)) {
      db.transaction(() => {
        const id = randomUUID();
        db.prepare(`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES (?, ?, ?, ?)`).run(
          id,
          m.checksum,
          m.name,
          Date.now(),
        );
        db.exec(m.sql);
        AFTER_MIGRATION[m.name]?.(db);
        db.prepare(`UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(
          Date.now(),
          id,
        );
      })();
      done.push(m.name);
    }
    return done;
  } finally {
    db.close();
  }
}
