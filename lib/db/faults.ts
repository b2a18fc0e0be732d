// What a database error says about the database, whichever driver raised it and however
// Prisma wrapped it: "unavailable" (it cannot be reached now: down, restarting, out of
// connections; worth a retry in a moment) or "storage" (it answers but cannot store: a full
// disk, a read-only file or transaction, an I/O error). The dialects' codes stay here.

export type DatabaseFault = "unavailable" | "storage";

const UNAVAILABLE_CODES = new Set([
  // Node's sockets
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  // PostgreSQL: shutdown, crash, not accepting yet; too many connections; connection exceptions
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  // SQLite: the write lock was not free in time
  "SQLITE_BUSY",
  // Prisma: cannot reach, timed out, connection closed, pool timeout
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_TEXT =
  /Connection terminated|connection is closed|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Can't reach database|not queryable|timeout exceeded when trying to connect|timeout expired|due to connection timeout|Client was closed|Connection refused|ECONNREFUSED|ECONNRESET/i;

// PostgreSQL: disk full, out of memory for storage, read-only transaction (a replica), I/O error.
const STORAGE_CODES = new Set([
  "53100",
  "25006",
  "58030",
  "SQLITE_FULL",
  "SQLITE_READONLY",
  "SQLITE_IOERR",
  "SQLITE_CANTOPEN",
  "SQLITE_CORRUPT",
]);
const STORAGE_TEXT =
  /database or disk is full|readonly database|read-only transaction|disk I\/O error|No space left on device|could not extend file|unable to open database file/i;

type Node = {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  originalMessage?: unknown;
  cause?: unknown;
  meta?: unknown;
};

/** The codes, kinds and texts of an error and what it wraps (Prisma's meta and causes, a driver adapter's error). */
function facts(error: unknown): { codes: string[]; texts: string[] } {
  const codes: string[] = [];
  const texts: string[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== "object" || seen.has(e) || depth > 6) return;
    seen.add(e);
    const n = e as Node;
    for (const c of [n.code, n.originalCode, n.kind]) if (typeof c === "string") codes.push(c);
    for (const m of [n.message, n.originalMessage]) if (typeof m === "string") texts.push(m);
    visit(n.cause, depth + 1);
    visit(n.meta, depth + 1);
    const adapter = (n.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
    visit(adapter, depth + 1);
  };
  visit(error, 0);
  return { codes, texts };
}

/** Extended SQLite codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…) count as their family. */
const family = (code: string) => (code.startsWith("SQLITE_") ? code.split("_").slice(0, 2).join("_") : code);

export function databaseFault(error: unknown): DatabaseFault | null {
  const { codes, texts } = facts(error);
  if (codes.some((c) => STORAGE_CODES.has(family(c))) || texts.some((t) => STORAGE_TEXT.test(t))) return "storage";
  if (
    codes.some((c) => UNAVAILABLE_CODES.has(family(c)) || UNAVAILABLE_KINDS.has(c)) ||
    texts.some((t) => UNAVAILABLE_TEXT.test(t))
  )
    return "unavailable";
  return null;
}
