import "server-only";
import { randomUUID } from "node:crypto";
import { onSignal, sendSignal } from "@/lib/db/notify";
import type { PresenceEntry, PresenceTyping, PresenceWire } from "./presence-types";

// Who of the staff has which inbox thread open, and who is typing there. Ephemeral: held in
// each process's memory, never written to the database; every instance holds the whole
// organisation's picture, told by the others through PostgreSQL notifications
// (lib/db/notify.ts). A browser repeats its signal every few seconds while the thread is
// open: what is not repeated lapses (a closed tab, a dropped connection, a dead instance).

/** An open thread lapses this long after its last signal. */
export const VIEW_TTL_MS = 10_000;
/** "Typing" lapses this long after the last keystroke's signal. */
export const TYPING_TTL_MS = 6_000;

export type PresenceSignal = {
  userId: string;
  name: string;
  /** One per browser tab: two tabs of one manager are two entries, one closing leaves the other. */
  tab: string;
  /** The open thread, or null: the tab left it (closed, another page). */
  conversationId: string | null;
  typing: PresenceTyping | null;
};

type Held = PresenceEntry & { until: number; typingUntil: number };
type Watcher = (wire: PresenceWire) => void;
type Org = { entries: Map<string, Held>; watchers: Set<Watcher> };

type State = { orgs: Map<string, Org>; instance: string; sweeper?: NodeJS.Timeout };
// On globalThis: Next bundles the route that takes signals and the stream that sends them apart.
const g = globalThis as unknown as { shiftlinePresence?: State };
const state: State = (g.shiftlinePresence ??= { orgs: new Map(), instance: randomUUID() });

const wire = ({ key, userId, name, conversationId, typing }: Held): PresenceEntry => ({
  key,
  userId,
  name,
  conversationId,
  typing,
});

function org(organizationId: string): Org {
  let o = state.orgs.get(organizationId);
  if (!o) state.orgs.set(organizationId, (o = { entries: new Map(), watchers: new Set() }));
  start();
  return o;
}

function emit(o: Org, message: PresenceWire) {
  for (const watcher of o.watchers) watcher(message);
}

/**
 * Takes one signal from a browser (or, `remote`, another instance's). Only a change reaches the
 * watchers: the repeats that keep an entry alive cost no event.
 */
export function reportPresence(organizationId: string, signal: PresenceSignal, remote = false, now = Date.now()): void {
  const o = org(organizationId);
  const key = `${signal.userId}:${signal.tab}`;
  const held = o.entries.get(key);
  if (signal.conversationId === null) {
    if (held) {
      o.entries.delete(key);
      emit(o, { gone: key });
    }
  } else {
    const next: Held = {
      key,
      userId: signal.userId,
      name: signal.name,
      conversationId: signal.conversationId,
      typing: signal.typing,
      until: now + VIEW_TTL_MS,
      typingUntil: signal.typing ? now + TYPING_TTL_MS : 0,
    };
    o.entries.set(key, next);
    if (!held || held.conversationId !== next.conversationId || held.typing !== next.typing || held.name !== next.name)
      emit(o, { set: wire(next) });
  }
  if (!remote) sendSignal(JSON.stringify({ i: state.instance, o: organizationId, s: signal }));
}

/** Who is where now in an organisation (a stream's first presence message). */
export function presenceNow(organizationId: string): PresenceEntry[] {
  return [...(state.orgs.get(organizationId)?.entries.values() ?? [])].map(wire);
}

/** Calls `watcher` with each change in the organisation's presence. Returns what stops it. */
export function watchPresence(organizationId: string, watcher: Watcher): () => void {
  const o = org(organizationId);
  o.watchers.add(watcher);
  return () => void o.watchers.delete(watcher);
}

/** Lets entries lapse: those not repeated go, a typing not repeated falls back to viewing. */
export function sweepPresence(now = Date.now()): void {
  for (const [id, o] of state.orgs) {
    for (const [key, held] of o.entries) {
      if (held.until <= now) {
        o.entries.delete(key);
        emit(o, { gone: key });
      } else if (held.typing && held.typingUntil <= now) {
        held.typing = null;
        emit(o, { set: wire(held) });
      }
    }
    if (o.entries.size === 0 && o.watchers.size === 0) state.orgs.delete(id);
  }
}

// A signal allowance per user: a browser sends about one every few seconds; more is refused.
const BURST = 10;
const REFILL_PER_S = 1;
const allowance = new Map<string, { tokens: number; at: number }>();

/** Whether this user may send one more signal now. */
export function allowSignal(userId: string, now = Date.now()): boolean {
  const a = allowance.get(userId) ?? { tokens: BURST, at: now };
  a.tokens = Math.min(BURST, a.tokens + ((now - a.at) / 1000) * REFILL_PER_S);
  a.at = now;
  allowance.set(userId, a);
  if (a.tokens < 1) return false;
  a.tokens -= 1;
  return true;
}

function start() {
  if (state.sweeper) return;
  state.sweeper = setInterval(() => {
    sweepPresence();
    const idle = Date.now() - 60_000;
    for (const [user, a] of allowance) if (a.at < idle) allowance.delete(user);
  }, 1000);
  state.sweeper.unref?.();
  onSignal((payload) => {
    try {
      const m = JSON.parse(payload) as { i: string; o: string; s: PresenceSignal };
      if (m.i !== state.instance) reportPresence(m.o, m.s, true);
    } catch {
      // Not ours to read: ignored.
    }
  });
}
