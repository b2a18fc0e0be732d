import "server-only";
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import pg from "pg";
import { openSqlite } from "./sqlite-file";
import { checkpointElsewhere } from "./checkpointer";
import { databaseFile, databaseUrl, dialectOf, type Dialect } from "./path";
import {
  bindFor,
  commitHooks,
  decodeRow,
  inlineText,
  textOf,
  type Columns,
  type RowOf,
  type Sql,
  type SqlExec,
} from "./exec";
import { logRateLimited } from "@/lib/log";
import { pgPoolOptions } from "./pg-pool";

// The hot-path executor: SqlExec on a connection of its own, beside Prisma's. On
// SQLite a better-sqlite3 connection (a prepared statement costs ~0.02 ms against
// Prisma's ~0.5 ms of JavaScript per query); on PostgreSQL a pg pool with prepared
// statements. See docs/decisions/004-hot-paths-in-sql.md and 005-two-databases.md.

export { sql, joinSql, EMPTY_SQL, typed, skipLocked, type Sql, type SqlExec, type Columns, type RowOf } from "./exec";
type Executor = {
  dialect: Dialect;
  queryAll(q: Sql): Promise<Record<string, unknown>[]>;
  writeTransaction<R>(work: (tx: SqlExec) => Promise<R>): Promise<R>;
  /** PostgreSQL: opens the pool's every connection now (SQLite has its one). */
  openConnections?(): Promise<void>;
  close(): Promise<void>;
};

const g = globalThis as unknown as { shiftlineSql?: { url: string; exec: Executor } };

function executor(): Executor {
  const url = databaseUrl();
  if (!g.shiftlineSql || g.shiftlineSql.url !== url) {
    g.shiftlineSql = {
      url,
      exec: dialectOf(url) === "postgres" ? postgresExecutor(url) : sqliteExecutor(databaseFile(url)),
    };
  }
  return g.shiftlineSql.exec;
}

/** One read, outside any transaction, decoded by its columns' kinds. */
export async function queryOne<C extends Columns>(q: Sql, columns: C): Promise<RowOf<C> | undefined> {
  const row = (await executor().queryAll(q))[0];
  return row && decodeRow(row, columns);
}

export async function queryAll<C extends Columns>(q: Sql, columns: C): Promise<RowOf<C>[]> {
  return (await executor().queryAll(q)).map((r) => decodeRow(r, columns));
}

/**
 * Runs `work` in one write transaction on the hot-path connection. `work` should
 * only await its own statements. SQLite: BEGIN IMMEDIATE, waiting without blocking
 * the event loop while Prisma's connection holds the write lock. PostgreSQL: READ
 * COMMITTED, retried on a serialization failure or deadlock; the statements make
 * each read-then-write atomic themselves (UPDATE … RETURNING, ON CONFLICT).
 */
export function writeTransaction<R>(work: (tx: SqlExec) => Promise<R>): Promise<R> {
  return executor().writeTransaction(work);
}

export function sqlDialect(): Dialect {
  return executor().dialect;
}

/** A unique-index refusal, from either executor or Prisma (which wraps the driver's error in a raw query). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string; message?: string } } | null;
  const code = e?.code;
  if (
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    code === "P2002" ||
    code === "23505"
  )
    return true;
  return (
    code === "P2010" &&
    (e?.meta?.code === "23505" || /UNIQUE constraint failed|duplicate key value/.test(String(e?.meta?.message ?? "")))
  );
}

const isRetryable = (error: unknown) => ["40001", "40P01"].includes((error as { code?: string } | null)?.code ?? "");

/**
 * A server's start (lib/worker/start.ts): PostgreSQL's hot-path connections are opened at once,
 * in the background. Opened on demand, a burst soon after a start (a shift change) waited while
 * the pool opened them one by one under load, and what queued meanwhile took seconds to drain.
 * 200 sends/s through HTTP from a pool of one connection (a `.tmp` trace of the bench): sends
 * slow for 2 s (p95 of the 10 s, 292 ms); with the connections open, for 1 s (158 ms). Each new
 * connection still prepares its own statements on first use.
 */
export function openSqlConnections(): void {
  if (dialectOf(databaseUrl()) !== "postgres") return;
  void executor()
    .openConnections?.()
    .catch((error: Error) =>
      logRateLimited("db.connection", `[db] PostgreSQL connections not opened: ${error.message}`),
    );
}

/** Closes the connection (tests, scripts). */
export async function closeSql(): Promise<void> {
  const current = g.shiftlineSql;
  g.shiftlineSql = undefined;
  await current?.exec.close();
}

function sqliteExecutor(file: string): Executor {
  const db: Database.Database = openSqlite(file);
  // Never wait inside a synchronous call: a busy database is retried asynchronously (below).
  db.pragma("busy_timeout = 0");
  const released = checkpointElsewhere(file, (pages) => db.open && db.pragma(`wal_autocheckpoint = ${pages}`));
  const cache = new Map<string, Database.Statement>();
  const bind = bindFor("sqlite");
  const statement = (q: Sql) => {
    const text = textOf(q, "sqlite");
    let s = cache.get(text);
    if (!s) {
      s = db.prepare(text);
      cache.set(text, s);
    }
    return s;
  };
  const values = (q: Sql) => q.values.map(bind);
  // One connection serves every request. While a transaction is open on it, other
  // work waits for it, so nothing reads or writes inside someone else's transaction.
  // The check and the taking happen in one tick: `while (busy) await busy;` inline, never behind another await.
  let busy: Promise<void> | null = null;
  const begin = () => {
    try {
      db.exec("BEGIN IMMEDIATE");
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
      return false;
    }
  };
  return {
    dialect: "sqlite",
    async queryAll(q: Sql) {
      while (busy) await busy;
      return statement(q).all(...values(q)) as Record<string, unknown>[];
    },
    async writeTransaction<R>(work: (tx: SqlExec) => Promise<R>) {
      for (let attempt = 0; ; attempt++) {
        while (busy) await busy;
        if (begin()) break;
        if (attempt >= 200) throw Object.assign(new Error("The database is busy."), { code: "SQLITE_BUSY" });
        await new Promise((r) => setTimeout(r, Math.min(1 + attempt, 20)));
      }
      let release!: () => void;
      busy = new Promise<void>((r) => (release = r));
      const hooks = commitHooks();
      const tx: SqlExec = {
        get: async <C extends Columns>(q: Sql, columns: C) => {
          const row = statement(q).get(...values(q)) as Record<string, unknown> | undefined;
          return row && decodeRow(row, columns);
        },
        all: async <C extends Columns>(q: Sql, columns: C) =>
          (statement(q).all(...values(q)) as Record<string, unknown>[]).map((r) => decodeRow(r, columns)),
        run: async (q: Sql) => statement(q).run(...values(q)).changes,
        afterCommit: hooks.add,
        dialect: "sqlite",
      };
      try {
        const result = await work(tx);
        db.exec("COMMIT");
        busy = null;
        release();
        hooks.flush();
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        busy = null;
        release();
        throw error;
      }
    },
    async close() {
      const release = await released;
      await release();
      db.close();
    },
  };
}

// PostgreSQL's `timestamp(3)` columns hold UTC (Prisma writes them so); 64-bit
// integers (event ids, counts) fit a JavaScript number here.
const PG_TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 1114) return (v: string) => new Date(`${v.replace(" ", "T")}Z`);
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function postgresExecutor(url: string): Executor {
  const pool = new pg.Pool({ ...pgPoolOptions(url), types: PG_TYPES });
  // An idle connection dropped by the server (a restart) must not end the process; the next query reconnects.
  pool.on("error", (error) =>
    logRateLimited("db.connection", `[db] idle PostgreSQL connection lost: ${error.message}`),
  );
  const bind = bindFor("postgres");
  const names = new Map<string, string>();
  const query = (client: pg.Pool | pg.PoolClient, q: Sql) => {
    const text = textOf(q, "postgres");
    let name = names.get(text);
    if (!name) {
      name = `s${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
      names.set(text, name);
    }
    return client.query({ name, text, values: q.values.map(bind) });
  };
  return {
    dialect: "postgres",
    async queryAll(q: Sql) {
      return (await query(pool, q)).rows as Record<string, unknown>[];
    },
    async writeTransaction<R>(work: (tx: SqlExec) => Promise<R>) {
      for (let attempt = 0; ; attempt++) {
        const client = await pool.connect();
        // A connection dropped while checked out (the server restarting) raises "error" on the
        // client: without a listener that would be an uncaught exception. The query in flight
        // fails on its own, and the client is released as broken below.
        const dropped = (error: Error) =>
          logRateLimited("db.connection", `[db] PostgreSQL connection lost during a transaction: ${error.message}`);
        client.on("error", dropped);
        const hooks = commitHooks();
        const withCommit: Sql[] = [];
        const tx: SqlExec = {
          get: async <C extends Columns>(q: Sql, columns: C) => {
            const row = (await query(client, q)).rows[0] as Record<string, unknown> | undefined;
            return row && decodeRow(row, columns);
          },
          all: async <C extends Columns>(q: Sql, columns: C) =>
            ((await query(client, q)).rows as Record<string, unknown>[]).map((r) => decodeRow(r, columns)),
          run: async (q: Sql) => (await query(client, q)).rowCount ?? 0,
          afterCommit: hooks.add,
          withCommit: (q: Sql) => void withCommit.push(q),
          dialect: "postgres",
        };
        try {
          await client.query("BEGIN");
          const result = await work(tx);
          // One round trip: what must be written last, then COMMIT. The server skips the rest of
          // the query after an error, and the transaction is rolled back below.
          const quote = (text: string) => client.escapeLiteral(text);
          await client.query([...withCommit.map((q) => inlineText(q, quote)), "COMMIT"].join(";\n"));
          client.removeListener("error", dropped);
          client.release();
          hooks.flush();
          return result;
        } catch (error) {
          const broken = await client.query("ROLLBACK").then(
            () => false,
            () => true,
          );
          client.removeListener("error", dropped);
          client.release(broken ? (error as Error) : undefined);
          if (isRetryable(error) && attempt < 3) continue;
          throw error;
        }
      }
    },
    async openConnections() {
      const opened = await Promise.allSettled(Array.from({ length: pool.options.max }, () => pool.connect()));
      for (const r of opened) if (r.status === "fulfilled") r.value.release();
    },
    async close() {
      await pool.end();
    },
  };
}
