import "server-only";
import pg from "pg";
import { databaseUrl, dialectOf } from "./path";
import { log } from "@/lib/log";

// Cross-instance wake-up on PostgreSQL: a transaction that appends events also
// runs pg_notify (lib/realtime/append.ts), delivered when it commits; every
// instance LISTENs on one connection of its own and wakes its readers. The event
// log stays the source of truth: a lost notification costs a poll interval, never an event.

const CHANNEL = "shiftline_events";
// Ephemeral signals between instances (who is viewing or typing): never written to a table,
// lost with a dropped connection, repeated by their senders every few seconds anyway.
const SIGNALS = "shiftline_signals";

type Listener = {
  client: pg.Client | null;
  stopped: boolean;
  healthy: boolean;
  onWake: (organizationId: string) => void;
  onReconnect: () => void;
  signals: Set<(payload: string) => void>;
};
const g = globalThis as unknown as { shiftlineListener?: Listener };

/** Whether notifications are arriving (readers can then poll rarely). */
export function notificationsHealthy(): boolean {
  return Boolean(g.shiftlineListener?.healthy);
}

/**
 * Starts this process's listener once (PostgreSQL only). `onWake(organizationId)` for
 * each notification; `onReconnect()` after the connection was lost and came back,
 * so readers catch up on what committed meanwhile.
 */
export function listenForWakeups(onWake: (organizationId: string) => void, onReconnect: () => void): void {
  const state = listener();
  if (!state) return;
  state.onWake = onWake;
  state.onReconnect = onReconnect;
}

/** Hears other instances' signals (PostgreSQL only; one SQLite process has no others). Returns what stops it. */
export function onSignal(handler: (payload: string) => void): () => void {
  const state = listener();
  state?.signals.add(handler);
  return () => void state?.signals.delete(handler);
}

/**
 * Tells every instance (this one included: handlers filter their own) a short payload, on the
 * listener's own connection: no table is written and no pooled connection is taken. Dropped
 * while that connection is down or on SQLite.
 */
export function sendSignal(payload: string): void {
  const client = g.shiftlineListener?.healthy ? g.shiftlineListener.client : null;
  client?.query("SELECT pg_notify($1, $2)", [SIGNALS, payload]).catch(() => undefined);
}

function listener(): Listener | null {
  if (g.shiftlineListener) return g.shiftlineListener;
  if (dialectOf(databaseUrl()) !== "postgres") return null;
  const state: Listener = {
    client: null,
    stopped: false,
    healthy: false,
    onWake: () => {},
    onReconnect: () => {},
    signals: new Set(),
  };
  g.shiftlineListener = state;
  let delay = 250;
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    const lost = () => {
      if (state.client !== client) return;
      state.client = null;
      state.healthy = false;
      client.end().catch(() => undefined);
      if (!state.stopped) setTimeout(() => void connect(), delay).unref?.();
      delay = Math.min(delay * 2, 5000);
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (n) => {
      if (!n.payload) return;
      if (n.channel === SIGNALS) for (const handler of state.signals) handler(n.payload);
      else state.onWake(n.payload);
    });
    state.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}; LISTEN ${SIGNALS}`);
      const wasDown = delay > 250;
      state.healthy = true;
      delay = 250;
      if (wasDown) state.onReconnect();
    } catch (error) {
      log.error({ err: error }, "PostgreSQL notification listener failed");
      lost();
    }
  };
  void connect();
  return state;
}

/** Stops the listener (tests, scripts). */
export async function stopListening(): Promise<void> {
  const state = g.shiftlineListener;
  g.shiftlineListener = undefined;
  if (!state) return;
  state.stopped = true;
  const client = state.client;
  state.client = null;
  await client?.end().catch(() => undefined);
}
