import { EventEmitter } from "node:events";

// In-process wake-up for realtime readers. The event log in the database is the
// source of truth; this only shortens the wait. Other instances hear of the same events
// through PostgreSQL's notifications (lib/db/notify.ts); on SQLite, with one process, the
// readers also poll the log every second (lib/realtime/hub.ts).
const g = globalThis as unknown as { shiftlineSignal?: EventEmitter };
export const signal: EventEmitter = g.shiftlineSignal ?? new EventEmitter().setMaxListeners(0);
g.shiftlineSignal = signal;

/** Call after a transaction that appended events has committed. */
export function wake(organizationId: string): void {
  signal.emit("wake", organizationId);
}
