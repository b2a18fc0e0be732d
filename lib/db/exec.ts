// The one SQL interface of the domain's hand-written statements. Two executors
// implement it: the dedicated hot-path connection (lib/db/sql.ts) and any Prisma
// interactive transaction (prismaExec below), so a statement such as "add a message"
// is written once and runs inside either. See docs/decisions/004-hot-paths-in-sql.md.

export type Sql = { text: string; values: unknown[] };

/**
 * Tagged template: sql`SELECT … WHERE "id" = ${id}` with bound parameters. A value
 * that is itself an Sql fragment is inlined with its own parameters.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0] ?? "";
  const out: unknown[] = [];
  values.forEach((v, i) => {
    if (isSql(v)) {
      text += v.text;
      out.push(...v.values);
    } else {
      text += "?";
      out.push(v);
    }
    text += strings[i + 1] ?? "";
  });
  return { text, values: out };
}

/** Fragments joined by a separator (" AND ", ", "). */
export function joinSql(parts: Sql[], separator: string): Sql {
  return { text: parts.map((p) => p.text).join(separator), values: parts.flatMap((p) => p.values) };
}

export const EMPTY_SQL: Sql = { text: "", values: [] };

function isSql(v: unknown): v is Sql {
  return typeof v === "object" && v !== null && "text" in v && "values" in v && Array.isArray((v as Sql).values);
}

/** Values as Prisma's SQLite adapter writes them, so both paths read each other's rows. */
export function bind(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v ?? null;
}

export type SqlExec = {
  get<T>(q: Sql): Promise<T | undefined>;
  all<T>(q: Sql): Promise<T[]>;
  /** Runs a statement; resolves with the number of rows it changed. */
  run(q: Sql): Promise<number>;
  /** Runs `fn` once the transaction has committed (never after a rollback). */
  afterCommit(fn: () => void): void;
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
          console.error("[db] after-commit hook failed", error);
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
export function prismaExec(tx: RawClient, hooks: ReturnType<typeof commitHooks>): SqlExec {
  return {
    get: async <T>(q: Sql) => (await tx.$queryRawUnsafe<T[]>(q.text, ...q.values.map(bind)))[0],
    all: <T>(q: Sql) => tx.$queryRawUnsafe<T[]>(q.text, ...q.values.map(bind)),
    run: (q: Sql) => tx.$executeRawUnsafe(q.text, ...q.values.map(bind)),
    afterCommit: hooks.add,
  };
}

type TxClient = { $transaction<R>(fn: (tx: RawClient) => Promise<R>, options?: { timeout?: number }): Promise<R> };

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
    await tx.$executeRawUnsafe(`DELETE FROM "SignInThrottle" WHERE 0`);
    return work(tx as never, prismaExec(tx, hooks));
  });
  hooks.flush();
  return result;
}
