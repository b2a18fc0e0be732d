import "server-only";
import { readMigrations } from "./migrate";
import { POSTGRES_MIGRATIONS } from "./migrate-postgres";
import { notificationsHealthy } from "./notify";
import { dialectOf } from "./path";
import { queryAll, sql } from "./sql";

// Readiness for load balancers and orchestrators (GET /api/health/ready): the database
// answers within a short time, every migration of this release is applied, and on
// PostgreSQL the notification listener is connected (without it, other instances' events
// would reach this one's streams only by the slow poll). Nothing else is said.

export type Part = "database" | "migrations" | "listener";

let migrationsApplied = false; // once applied, they stay so for this release

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms).unref())]);

export async function readiness(timeoutMs = 2000): Promise<{ ready: boolean; failing: Part[] }> {
  const failing: Part[] = [];
  let applied: string[] | null = null;
  try {
    const rows = await within(
      timeoutMs,
      queryAll(
        sql`SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
        { migration_name: "text" },
      ),
    );
    applied = rows.map((r) => r.migration_name);
  } catch {
    failing.push("database");
  }
  if (applied && !migrationsApplied) {
    const postgres = dialectOf() === "postgres";
    const wanted = (postgres ? readMigrations(POSTGRES_MIGRATIONS) : readMigrations()).map((m) => m.name);
    const have = new Set(applied);
    migrationsApplied = wanted.every((name) => have.has(name));
  }
  if (applied && !migrationsApplied) failing.push("migrations");
  if (dialectOf() === "postgres" && !notificationsHealthy()) failing.push("listener");
  return { ready: failing.length === 0, failing };
}
