import { config } from "../config";

/**
 * A pool of PostgreSQL connections, as every pool of the app opens them. A connection keeps
 * its prepared statements and the server's caches of the tables it used: one opened for a
 * burst runs its first transactions slower (tens of ms), and while one of them holds the
 * organisation's event sequence (lib/db/event-log.ts) the organisation's other writes wait
 * behind it. With pg's default (an idle connection closed after 10 s), a steady load that
 * uses two connections lost the others every 10 s and paid that again at each burst: sends
 * stalled at 35-65 ms p95 for a moment every few seconds (`.tmp` probe, 200 sends/s). Idle
 * connections are kept 10 minutes instead; the pool stays at most DATABASE_POOL_SIZE. They do
 * not keep a script's process alive (`allowExitOnIdle`), as the 10 s timeout used to let it end.
 */
export const pgPoolOptions = (connectionString: string) => ({
  connectionString,
  max: config().DATABASE_POOL_SIZE ?? 10,
  idleTimeoutMillis: 10 * 60_000,
  allowExitOnIdle: true,
});
