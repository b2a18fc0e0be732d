import path from "node:path";
import { config } from "../config";

// DATABASE_URL picks the database: "file:…" is the embedded SQLite default,
// "postgresql://…" (or "postgres://…") a PostgreSQL server.

const DEFAULT_DATABASE_URL = "file:./data/shiftline.db";

export type Dialect = "sqlite" | "postgres";

export function databaseUrl(): string {
  return config().DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function dialectOf(url = databaseUrl()): Dialect {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL, got "${url.replace(/\/\/[^@]*@/, "//…@")}"`,
  );
}

/**
 * Whether several server instances may share this database (PostgreSQL): what a process
 * would otherwise keep for itself (the session secret, the push key pair) must then come
 * from the environment, the same for every instance.
 */
export function isSharedDatabase(url = databaseUrl()): boolean {
  return dialectOf(url) === "postgres";
}

/** The SQLite file named by DATABASE_URL, as an absolute path. */
export function databaseFile(url = databaseUrl()): string {
  if (!url.startsWith("file:")) throw new Error(`This needs a SQLite "file:" DATABASE_URL`);
  const raw = url.slice("file:".length).split("?")[0] ?? "";
  return path.resolve(/* turbopackIgnore: true */ raw);
}
