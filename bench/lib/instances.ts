import { onServer } from "../../tests/setup/postgres";
import { waitForServer } from "../../tests/helpers/server";
import { openListeners } from "./listeners";
import { sessionCookie, stats, type Stats } from "./measure";
import { MANAGER, teammateId, threadId } from "./scratch-db";

/**
 * Two instances on one PostgreSQL, listeners split between them: each probe is sent
 * to the first instance, and the time until each listener (on either) has it is measured.
 */
export async function crossInstance(
  baseA: string,
  baseB: string,
  listeners: number,
  secret: string,
  send: (i: number, cookie?: string, conversationId?: string) => Promise<Response>,
): Promise<Stats & { expected: number }> {
  await waitForServer(baseB);
  const staff = 10;
  const teammates = listeners - staff;
  const cookies = await Promise.all(Array.from({ length: teammates }, (_, i) => sessionCookie(teammateId(i), secret)));
  const manager = await sessionCookie(MANAGER, secret);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const onArrival = (a: { conversationId: string; at: number }) => {
    const t = sentAt.get(a.conversationId);
    if (t !== undefined) latencies.push(a.at - t);
  };
  const half = Math.floor(teammates / 2);
  const [onA, onB] = await Promise.all([
    openListeners(baseA, [...cookies.slice(0, half), ...Array.from({ length: staff / 2 }, () => manager)], onArrival),
    openListeners(baseB, [...cookies.slice(half), ...Array.from({ length: staff / 2 }, () => manager)], onArrival),
  ]);
  await new Promise((r) => setTimeout(r, 1000));
  const probes = Math.min(200, teammates);
  for (let k = 0; k < probes; k++) {
    // Threads of teammates listening on B: their message crosses from A to B.
    const t = half + (k % (teammates - half));
    sentAt.set(threadId(t), performance.now());
    void send(k, manager, threadId(t)).then((r) => r.arrayBuffer());
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 2000));
  onA.close();
  onB.close();
  return { ...stats(latencies), expected: probes * (1 + staff) };
}

/** Transactions per second that one instance with 10 open event streams and no traffic runs on the database. */
export async function idleQueries(
  base: string,
  databaseUrl: string,
  secret: string,
  { seconds = 30, pauseAutovacuum = false } = {},
): Promise<number> {
  const manager = await sessionCookie(MANAGER, secret);
  const streams = await openListeners(
    base,
    Array.from({ length: 10 }, () => manager),
    () => undefined,
  );
  // The server's own autovacuum, which tidies the tables the phases before wrote, counts in
  // pg_stat_database too (the figure was 1.07-1.53/s; the instance's own transactions, read with
  // log_statement, are its worker's looks and the hub's safety polls, 0.90/s): on the bench's own
  // server it is paused for the window, once its running workers are done.
  if (pauseAutovacuum) await autovacuum(databaseUrl, false);
  // PostgreSQL's statistics of idle connections reach pg_stat_database up to 10 s late:
  // wait that out, so the busy phases before do not count as idle.
  await new Promise((r) => setTimeout(r, 15_000));
  const count = () =>
    onServer(databaseUrl, async (c) => {
      await c.query("SELECT pg_stat_force_next_flush()");
      const { rows } = await c.query<{ n: string }>(
        `SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`,
      );
      return Number(rows[0]!.n);
    });
  const before = await count();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = await count();
  streams.close();
  if (pauseAutovacuum) await autovacuum(databaseUrl, true);
  // Less this measurement's own two transactions.
  return Math.max(0, after - before - 2) / seconds;
}

/** Turns the server's autovacuum off (once its running workers are done) or back on. */
async function autovacuum(databaseUrl: string, on: boolean): Promise<void> {
  await onServer(databaseUrl, async (c) => {
    await c.query(on ? "ALTER SYSTEM RESET autovacuum" : "ALTER SYSTEM SET autovacuum = off");
    await c.query("SELECT pg_reload_conf()");
    for (let i = 0; !on && i < 600; i++) {
      const { rows } = await c.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'",
      );
      if (Number(rows[0]!.n) === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
}
