import "server-only";
import type Database from "better-sqlite3";
import { openSqlite } from "./sqlite-file";
import { databaseFile } from "./path";
import { bind, commitHooks, type Sql, type SqlExec } from "./exec";

// The hot-path executor: SqlExec on its own better-sqlite3 connection. Prisma 6.19
// spends ~0.5 ms of JavaScript per query; a prepared statement here costs ~0.02 ms.
// See docs/decisions/004-hot-paths-in-sql.md.

export { sql, joinSql, EMPTY_SQL, type Sql, type SqlExec } from "./exec";

type Connection = { file: string; db: Database.Database; cache: Map<string, Database.Statement>; busy: Promise<void> | null };
const g = globalThis as unknown as { shiftlineSql?: Connection };

function connection(): Connection {
  const file = databaseFile();
  if (!g.shiftlineSql || g.shiftlineSql.file !== file) {
    const db = openSqlite(file);
    // Never wait inside a synchronous call: a busy database is retried asynchronously (below).
    db.pragma("busy_timeout = 0");
    g.shiftlineSql = { file, db, cache: new Map(), busy: null };
  }
  return g.shiftlineSql;
}

function statement(c: Connection, q: Sql): Database.Statement {
  let s = c.cache.get(q.text);
  if (!s) {
    s = c.db.prepare(q.text);
    c.cache.set(q.text, s);
  }
  return s;
}

const values = (q: Sql) => q.values.map(bind);

// One connection serves every request. While a transaction is open on it, other
// work waits for it, so nothing reads or writes inside someone else's transaction.
async function idle(c: Connection): Promise<void> {
  while (c.busy) await c.busy;
}

/** One read, outside any transaction. */
export async function queryOne<T>(q: Sql): Promise<T | undefined> {
  const c = connection();
  if (c.busy) await idle(c);
  return statement(c, q).get(...values(q)) as T | undefined;
}

export async function queryAll<T>(q: Sql): Promise<T[]> {
  const c = connection();
  if (c.busy) await idle(c);
  return statement(c, q).all(...values(q)) as T[];
}

const BUSY_RETRIES = 200;

function begin(c: Connection): boolean {
  try {
    c.db.exec("BEGIN IMMEDIATE");
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
    return false;
  }
}

/**
 * Runs `work` in one write transaction (BEGIN IMMEDIATE) on the hot-path
 * connection. When another connection (Prisma's) holds the write lock, waits for
 * it without blocking the event loop and tries again. `work` should only await
 * its own statements: the connection is held until it returns.
 */
export async function writeTransaction<R>(work: (tx: SqlExec) => Promise<R>): Promise<R> {
  const c = connection();
  for (let attempt = 0; ; attempt++) {
    await idle(c);
    if (begin(c)) break;
    if (attempt >= BUSY_RETRIES) throw Object.assign(new Error("The database is busy."), { code: "SQLITE_BUSY" });
    await new Promise((r) => setTimeout(r, Math.min(1 + attempt, 20)));
  }
  let release!: () => void;
  c.busy = new Promise<void>((r) => (release = r));
  const hooks = commitHooks();
  const tx: SqlExec = {
    get: async <T>(q: Sql) => statement(c, q).get(...values(q)) as T | undefined,
    all: async <T>(q: Sql) => statement(c, q).all(...values(q)) as T[],
    run: async (q: Sql) => statement(c, q).run(...values(q)).changes,
    afterCommit: hooks.add,
  };
  try {
    const result = await work(tx);
    c.db.exec("COMMIT");
    c.busy = null;
    release();
    hooks.flush();
    return result;
  } catch (error) {
    if (c.db.inTransaction) c.db.exec("ROLLBACK");
    c.busy = null;
    release();
    throw error;
  }
}

/** A unique-index refusal, from either executor (Prisma wraps the driver's error in a raw query). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string; message?: string } } | null;
  const code = e?.code;
  if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "P2002") return true;
  return code === "P2010" && /UNIQUE constraint failed/.test(String(e?.meta?.message ?? ""));
}

/** Closes the connection (tests, scripts). */
export function closeSql(): void {
  g.shiftlineSql?.db.close();
  g.shiftlineSql = undefined;
}
