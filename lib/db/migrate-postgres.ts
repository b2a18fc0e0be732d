import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { APPLIED_QUERY, pending, readMigrations, type Migration } from "./migrate";

// Applies prisma/postgres/migrations/*/migration.sql to a PostgreSQL database and
// records them in `_prisma_migrations` with the columns Prisma itself creates, so
// `prisma migrate status` agrees. `prisma migrate deploy` cannot run here: its JS
// schema engine fails on PostgreSQL (docs/decisions/005-two-databases.md).

export const POSTGRES_MIGRATIONS = path.join(process.cwd(), "prisma", "postgres", "migrations");

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Instances that start together wait for each other instead of migrating twice.
const LOCK = 72_817_001;

/** Applies pending migrations; returns the names applied. */
export async function migratePostgres(
  url: string,
  migrations: Migration[] = readMigrations(POSTGRES_MIGRATIONS),
): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(APPLIED_QUERY);
    const done: string[] = [];
    for (const m of pending(migrations, rows)) {
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, m.checksum, m.name],
        );
        await client.query(m.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** Drops everything in the database's public schema (npm run db:reset, tests). */
export async function resetPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}
