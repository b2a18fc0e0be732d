import "server-only";
import { subscribe } from "./hub";
import type { LoggedEvent, Viewer } from "./visibility";
import { BEAT_EVENT, HEARTBEAT_MS, RELOAD_EVENT, type EventPayloads } from "./event-types";
import { presenceNow, watchPresence } from "./presence";
import { PRESENCE_EVENT, type PresenceWire } from "./presence-types";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";

// One live feed (Server-Sent Events) of what a signed-in user may see, written to a sink:
// the Node response itself (lib/api/node-events.ts, what `npm start` serves) or a
// web stream (app/api/events/route.ts, under `next dev`). Who reads it, and how to know that
// their session still holds, come from lib/api/event-feed.ts.

export type Feed = {
  viewer: Viewer;
  /** This session's id: its own "session.ended" event makes the stream check `stillHolds`. */
  sessionId: string;
  staff: boolean;
  /** Staff with messaging: who else has which thread open comes too (never to a teammate). */
  presence: boolean;
  /** Whether the session still holds with what the stream was opened with (asked every minute). */
  stillHolds: () => Promise<boolean>;
};

export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: nothing on the way (a proxy, a compression layer) holds events back to pack them.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};

/** Where a stream's bytes go. `write` answers false once the client is gone. */
export type StreamSink = { write: (chunk: Uint8Array) => boolean; close: () => void };

// An event's bytes on the wire, made once and shared by every stream it goes to.
const framed = new WeakMap<LoggedEvent, Uint8Array>();
const encoder = new TextEncoder();
function frame(e: LoggedEvent): Uint8Array {
  let bytes = framed.get(e);
  if (!bytes) framed.set(e, (bytes = encoder.encode(`id: ${e.id}\nevent: ${e.type}\ndata: ${e.payload}\n\n`)));
  return bytes;
}
// One presence change is one object handed to every watcher: framed once, shared.
const framedPresence = new WeakMap<PresenceWire, Uint8Array>();
function presenceFrame(m: PresenceWire): Uint8Array {
  let bytes = framedPresence.get(m);
  if (!bytes)
    framedPresence.set(m, (bytes = encoder.encode(`event: ${PRESENCE_EVENT}\ndata: ${JSON.stringify(m)}\n\n`)));
  return bytes;
}
const RETRY = encoder.encode("retry: 2000\n\n");
// An event the page can see (a comment cannot be), with data: an event without data is never dispatched.
const BEAT = encoder.encode(`event: ${BEAT_EVENT}\ndata: {}\n\n`);
const RELOAD = encoder.encode(`event: ${RELOAD_EVENT}\ndata: {}\n\n`);
const RECHECK_EVERY = 3; // heartbeats between session checks: a revoked session is cut within a minute

/**
 * Starts the feed: from `after` (a reconnecting client's last event id: what it missed
 * comes first) or from now. Everything that must be undone is registered before the
 * first await, so a client that leaves at once leaks no subscriber and no timer.
 * Returns what ends it (the client left); it also ends itself when the session does.
 */
export function startEventStream(feed: Feed, after: number | undefined, sink: StreamSink): () => void {
  const { viewer, sessionId } = feed;
  let closed = false;
  const kind = { kind: feed.staff ? "staff" : "teammate" };
  metrics.streams.inc(kind);
  let unsubscribe: (() => void) | undefined;
  let unwatch: (() => void) | undefined;
  let beats = 0;
  const heartbeat = setInterval(() => {
    write(BEAT);
    if (++beats % RECHECK_EVERY === 0)
      recheck().catch((error: unknown) => log.error({ err: error }, "event stream session check failed"));
  }, HEARTBEAT_MS);
  const cleanup = () => {
    if (closed) return;
    closed = true;
    metrics.streams.dec(kind);
    clearInterval(heartbeat);
    unsubscribe?.();
    unwatch?.();
    sink.close();
  };
  const write = (chunk: Uint8Array) => {
    if (!closed && !sink.write(chunk)) cleanup(); // the client went away between two writes
  };
  // What one round of events brought, written as one chunk.
  const batch: Uint8Array[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    write(batch.length === 1 ? batch[0]! : Buffer.concat(batch));
    batch.length = 0;
  };
  const recheck = async () => {
    if (!(await feed.stillHolds())) cleanup();
  };
  write(RETRY);
  const send = (e: LoggedEvent) => {
    // For the stream itself, never forwarded: this session (or all) may have ended.
    if (e.type === "session.ended") {
      const { sessionId: ended } = JSON.parse(e.payload) as EventPayloads["session.ended"];
      if (ended === null || ended === sessionId) recheck().catch(() => cleanup());
      return;
    }
    batch.push(frame(e));
  };
  subscribe(viewer, after, send, () => write(RELOAD), flush).then(
    (stop) => {
      if (closed) return stop();
      unsubscribe = stop;
      if (feed.presence) {
        write(presenceFrame({ all: presenceNow(viewer.organizationId) }));
        unwatch = watchPresence(viewer.organizationId, (m) => write(presenceFrame(m)));
      }
    },
    (error: unknown) => {
      log.error({ err: error }, "event stream subscribe failed");
      cleanup();
    },
  );
  return cleanup;
}
