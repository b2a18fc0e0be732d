import "server-only";
import type Database from "better-sqlite3";
import { openSqlite } from "./sqlite-file";
import { databaseFile } from "./path";

// A small synchronous SQL executor on its own better-sqlite3 connection, for the
// hottest paths (session check, send). Prisma 6.19 spends ~0.5 ms of JavaScript per
// query; here a prepared statement costs ~0.02 ms. See docs/decisions/004-hot-paths-in-sql.md.

export type Sql = { text: string; values: unknown[] };

/** Tagged template: sql`SELECT … WHERE "id" = ${id}` with bound parameters. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return { text: strings.join("?"), values };
}

// Values as Prisma's SQLite adapter writes them, so both paths read each other's rows.
function bind(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v ?? null;
}

export type SqlTx = {
  get<T>(q: Sql): T | undefined;
  all<T>(q: Sql): T[];
  run(q: Sql): number;
};

const g = globalThis as unknown as { shiftlineSql?: { file: string; db: Database.Database; cache: Map<string, Database.Statement> } };

function connection() {
  const file = databaseFile();
  if (!g.shiftlineSql || g.shiftlineSql.file !== file) {
    const db = openSqlite(file);
    // Never wait inside a synchronous call: a busy database is retried asynchronously (below).
    db.pragma("busy_timeout = 0");
    g.shiftlineSql = { file, db, cache: new Map() };
  }
  return g.shiftlineSql;
}

function statement(q: Sql): Database.Statement {
  const c = connection();
  let s = c.cache.get(q.text);
  if (!s) {
    s = c.db.prepare(q.text);
    c.cache.set(q.text, s);
  }
  return s;
}

const tx: SqlTx = {
  get: <T>(q: Sql) => statement(q).get(...q.values.map(bind)) as T | undefined,
  all: <T>(q: Sql) => statement(q).all(...q.values.map(bind)) as T[],
  run: (q: Sql) => statement(q).run(...q.values.map(bind)).changes,
};

/** One read, outside any transaction. */
export function queryOne<T>(q: Sql): T | undefined {
  return tx.get<T>(q);
}

export function queryAll<T>(q: Sql): T[] {
  return tx.all<T>(q);
}

const BUSY_RETRIES = 200;

/**
 * Runs `work` in one write transaction (BEGIN IMMEDIATE), synchronously, so no other
 * code can interleave. When another connection (Prisma's) holds the write lock, waits
 * for it without blocking the event loop and tries again.
 */
export async function writeTransaction<R>(work: (tx: SqlTx) => R): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      return connection().db.transaction(() => work(tx)).immediate();
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || attempt >= BUSY_RETRIES) throw error;
      await new Promise((r) => setTimeout(r, Math.min(1 + attempt, 20)));
    }
  }
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** Closes the connection (tests, scripts). */
export function closeSql(): void {
  g.shiftlineSql?.db.close();
  g.shiftlineSql = undefined;
}
