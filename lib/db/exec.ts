// The one SQL interface of the domain's hand-written statements. Two executors
// implement it: the dedicated hot-path connection (lib/db/sql.ts) and any Prisma
// interactive transaction (prismaExec below), so a statement such as "add a message"
// is written once and runs inside either. See docs/decisions/004-hot-paths-in-sql.md.

import type { Dialect } from "./path";
import { log } from "../log";
import type { Prisma } from "./generated/client";

/** Any table of the schema. */
export type ModelName = Prisma.ModelName;

/** A statement: the text around its parameters, and the parameters. parts.length === values.length + 1. */
export type Sql = { parts: readonly string[]; values: unknown[] };

/**
 * Tagged template: sql`SELECT … WHERE "id" = ${id}` with bound parameters. A value
 * that is itself an Sql fragment is inlined with its own parameters.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const parts: string[] = [strings[0] ?? ""];
  const out: unknown[] = [];
  values.forEach((v, i) => {
    if (isSql(v)) {
      parts[parts.length - 1] += v.parts[0] ?? "";
      for (let k = 0; k < v.values.length; k++) {
        out.push(v.values[k]);
        parts.push(v.parts[k + 1] ?? "");
      }
    } else {
      out.push(v);
      parts.push("");
    }
    parts[parts.length - 1] += strings[i + 1] ?? "";
  });
  return { parts, values: out };
}

/** Fragments joined by a separator (" AND ", ", "). */
export function joinSql(items: Sql[], separator: string): Sql {
  if (items.length === 0) return EMPTY_SQL;
  const parts = [...items[0]!.parts];
  const values = [...items[0]!.values];
  for (const item of items.slice(1)) {
    parts[parts.length - 1] += separator + (item.parts[0] ?? "");
    parts.push(...item.parts.slice(1));
    values.push(...item.values);
  }
  return { parts, values };
}

export const EMPTY_SQL: Sql = { parts: [""], values: [] };

/** Text with no parameters, for identifiers the code chooses (never user input). */
export const rawSql = (text: string): Sql => ({ parts: [text], values: [] });

function isSql(v: unknown): v is Sql {
  return typeof v === "object" && v !== null && "parts" in v && "values" in v && Array.isArray((v as Sql).values);
}

/**
 * The statement's PostgreSQL text with its values written in as literals, for a multi-statement
 * query, which cannot have parameters. `quote` is the driver's own escaping (pg's escapeLiteral).
 */
export function inlineText(q: Sql, quote: (text: string) => string): string {
  const bind = bindFor("postgres");
  const literal = (raw: unknown): string => {
    const v = bind(raw);
    if (v === null) return "NULL";
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    if (typeof v === "bigint") return String(v);
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (typeof v === "string") return quote(v);
    throw new Error(`A ${typeof v} cannot be written into a statement`);
  };
  let text = q.parts[0] ?? "";
  for (let i = 1; i < q.parts.length; i++) text += literal(q.values[i - 1]) + q.parts[i];
  return text;
}

/** The statement's text for a dialect: "?" placeholders for SQLite, "$1…" for PostgreSQL. */
export function textOf(q: Sql, dialect: Dialect): string {
  let text = q.parts[0] ?? "";
  for (let i = 1; i < q.parts.length; i++) text += (dialect === "postgres" ? `$${i}` : "?") + q.parts[i];
  return text;
}

/**
 * Values as each side writes them. SQLite: as Prisma's adapter stores them (ISO dates
 * with "+00:00", booleans as 0/1), so both connections read each other's rows.
 * PostgreSQL: UTC ISO strings, which a timestamp column reads as UTC.
 */
export function bindFor(dialect: Dialect) {
  return (v: unknown): unknown => {
    if (v instanceof Date) return dialect === "postgres" ? v.toISOString() : v.toISOString().replace("Z", "+00:00");
    if (typeof v === "boolean" && dialect === "sqlite") return v ? 1 : 0;
    return v ?? null;
  };
}

// Rows come back decoded, whatever the database: each statement names its columns' kinds, and
// the executors turn what the driver gives (SQLite's 0/1 and ISO text, PostgreSQL's 64-bit
// counts as strings, JSONB as objects) into what the kind says. Domain code never converts.

type ColumnKind = "text" | "int" | "float" | "bool" | "date" | "json";
type KindType = { text: string; int: number; float: number; bool: boolean; date: Date; json: unknown };
/** A column's kind; "?" when it may be null. */
export type Columns = Record<string, ColumnKind | `${ColumnKind}?`>;
export type RowOf<C extends Columns> = {
  -readonly [K in keyof C]: C[K] extends `${infer B extends ColumnKind}?`
    ? KindType[B] | null
    : C[K] extends ColumnKind
      ? KindType[C[K]]
      : never;
};

function decodeValue(kind: ColumnKind, v: unknown): unknown {
  switch (kind) {
    case "int":
    case "float":
      return Number(v);
    case "bool":
      return v === true || v === 1 || v === 1n || v === "1" || v === "t" || v === "true";
    case "date":
      return v instanceof Date
        ? v
        : new Date(typeof v === "string" && /^\d+$/.test(v) ? Number(v) : (v as string | number));
    case "json":
      return typeof v === "string" ? JSON.parse(v) : v;
    default:
      return typeof v === "string" ? v : String(v);
  }
}

/** A row as its columns' kinds say (a column the row lacks, or a SQL NULL, reads as null). */
export function decodeRow<C extends Columns>(raw: Record<string, unknown>, columns: C): RowOf<C> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(columns)) {
    const v = raw[name];
    out[name] = v === null || v === undefined ? null : decodeValue(spec.replace("?", "") as ColumnKind, v);
  }
  return out as RowOf<C>;
}

/** A JSON value as a parameter: JSONB on PostgreSQL, text on SQLite (null stays NULL). */
export function json(tx: { readonly dialect: Dialect }, value: unknown): Sql {
  if (value === null || value === undefined) return sql`${null}`;
  const text = JSON.stringify(value);
  return tx.dialect === "postgres" ? sql`CAST(${text} AS JSONB)` : sql`${text}`;
}

/**
 * A parameter with its SQL type said: PostgreSQL types the parameters of an INSERT … SELECT or
 * a CASE from their casts, not from the columns they fill. SQLite needs none.
 */
export function typed(
  tx: { readonly dialect: Dialect },
  value: Date | number | string | null,
  type: "timestamp" | "int" | "text",
): Sql {
  if (tx.dialect !== "postgres") return sql`${value}`;
  const pgType = { timestamp: "TIMESTAMP(3)", int: "INTEGER", text: "TEXT" }[type];
  return sql`CAST(${value} AS ${rawSql(pgType)})`;
}

/** Ends a SELECT that claims a row: other transactions skip the rows this one locked (PostgreSQL; SQLite has one writer). */
export function skipLocked(tx: { readonly dialect: Dialect }): Sql {
  return tx.dialect === "postgres" ? rawSql("FOR UPDATE SKIP LOCKED") : EMPTY_SQL;
}

export type SqlExec = {
  get<C extends Columns>(q: Sql, columns: C): Promise<RowOf<C> | undefined>;
  all<C extends Columns>(q: Sql, columns: C): Promise<RowOf<C>[]>;
  /** Runs a statement; resolves with the number of rows it changed. */
  run(q: Sql): Promise<number>;
  /** Runs `fn` once the transaction has committed (never after a rollback). */
  afterCommit(fn: () => void): void;
  /**
   * PostgreSQL's hot path only: runs a statement with the COMMIT, in the same round trip (its
   * result is not read; an error rolls the whole transaction back). For what must hold a lock
   * no longer than the commit itself (lib/db/event-log.ts).
   */
  readonly withCommit?: (q: Sql) => void;
  readonly dialect: Dialect;
};

/** Collects after-commit callbacks of one transaction; `flush` runs them once. */
export function commitHooks() {
  const hooks: (() => void)[] = [];
  return {
    add: (fn: () => void) => void hooks.push(fn),
    flush: () => {
      for (const fn of hooks.splice(0)) {
        try {
          fn();
        } catch (error) {
          log.error({ err: error }, "an after-commit hook failed");
        }
      }
    },
  };
}

type RawClient = {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
};

/** The SqlExec of a Prisma interactive transaction; `hooks` run after its commit. */
function prismaExec(tx: RawClient, hooks: ReturnType<typeof commitHooks>, dialect: Dialect): SqlExec {
  const bind = bindFor(dialect);
  const args = (q: Sql) => [textOf(q, dialect), ...q.values.map(bind)] as const;
  const rows = (q: Sql) => tx.$queryRawUnsafe<Record<string, unknown>[]>(...args(q));
  return {
    get: async <C extends Columns>(q: Sql, columns: C) => {
      const row = (await rows(q))[0];
      return row && decodeRow(row, columns);
    },
    all: async <C extends Columns>(q: Sql, columns: C) => (await rows(q)).map((r) => decodeRow(r, columns)),
    run: (q: Sql) => tx.$executeRawUnsafe(...args(q)),
    afterCommit: hooks.add,
    dialect,
  };
}

type TxClient = { $transaction<R>(fn: (tx: RawClient) => Promise<R>, options?: { timeout?: number }): Promise<R> };

// Which database each Prisma client talks to (lib/db/create-client.ts registers it).
// Kept on globalThis: a bundler may load this module more than once in one process.
const clientDialects: WeakMap<object, Dialect> = ((
  globalThis as { shiftlineDialects?: WeakMap<object, Dialect> }
).shiftlineDialects ??= new WeakMap());
export function registerDialect(client: object, dialect: Dialect) {
  clientDialects.set(client, dialect);
}

function dialectOfClient(client: object): Dialect {
  const dialect = clientDialects.get(client);
  if (!dialect) throw new Error("A Prisma client not made by createPrismaClient (lib/db/create-client.ts)");
  return dialect;
}

/**
 * A Prisma write transaction that also offers the SqlExec view of itself. It takes
 * SQLite's write lock first: Prisma's adapter opens transactions with a deferred
 * BEGIN, and one that reads, then writes after another connection committed, would
 * fail with SQLITE_BUSY. A write statement that changes nothing takes the lock.
 */
export async function prismaWriteTx<C extends TxClient, T>(
  client: C,
  work: (tx: Parameters<Parameters<C["$transaction"]>[0]>[0], ex: SqlExec) => Promise<T>,
): Promise<T> {
  const hooks = commitHooks();
  const result = await client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`DELETE FROM "SignInThrottle" WHERE 1 = 0`);
    return work(tx as never, prismaExec(tx, hooks, dialectOfClient(client)));
  });
  hooks.flush();
  return result;
}

/**
 * Locks a row until the transaction ends, to serialise read-then-write checks on it
 * (an unavailability overlap, a double booking). PostgreSQL: SELECT … FOR UPDATE.
 * SQLite needs nothing: a write transaction holds the database's one write lock.
 */
export async function lockRow(tx: SqlExec, table: ModelName, id: string): Promise<void> {
  if (tx.dialect === "postgres")
    await tx.get(sql`SELECT 1 AS "one" FROM ${rawSql(`"${table}"`)} WHERE "id" = ${id} FOR UPDATE`, {});
}
