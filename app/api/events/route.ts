import { getCurrentSession, loadSessionUser } from "@/lib/auth/session";
import { hasMessaging, isStaff } from "@/lib/auth/roles";
import { subscribe, viewerFor } from "@/lib/realtime/hub";
import { resumeSchema } from "@/lib/realtime/schemas";
import type { LoggedEvent } from "@/lib/realtime/visibility";
import { BEAT_EVENT, HEARTBEAT_MS, RELOAD_EVENT, type EventPayloads } from "@/lib/realtime/event-types";
import { translatorFor } from "@/lib/i18n/translator";
import { requestLocale } from "@/lib/i18n/request-locale";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";

// An event's bytes on the wire, made once and shared by every stream it goes to.
const framed = new WeakMap<LoggedEvent, Uint8Array>();
const encoder = new TextEncoder();
function frame(e: LoggedEvent): Uint8Array {
  let bytes = framed.get(e);
  if (!bytes) framed.set(e, (bytes = encoder.encode(`id: ${e.id}\nevent: ${e.type}\ndata: ${e.payload}\n\n`)));
  return bytes;
}
// An event the page can see (a comment cannot be), with data: an event without data is never dispatched.
const BEAT = encoder.encode(`event: ${BEAT_EVENT}\ndata: {}\n\n`);
const RECHECK_EVERY = 3; // heartbeats between session checks: a revoked session is cut within a minute

/**
 * Server-Sent Events: the live feed of what this user may see. Authenticated by
 * the session cookie; a reconnect resumes after its Last-Event-ID.
 */
export async function GET(request: Request) {
  const session = await getCurrentSession();
  if (!session)
    return Response.json(
      { ok: false, error: translatorFor(await requestLocale())("errors.sessionEnded") },
      { status: 401 },
    );
  const { user, sessionVersion: version, sessionId } = session;
  const url = new URL(request.url);
  const parsed = resumeSchema.safeParse({
    after: request.headers.get("last-event-id") || url.searchParams.get("after") || undefined,
  });
  if (!parsed.success)
    return Response.json({ ok: false, error: translatorFor(user.locale)("errors.staleRequest") }, { status: 400 });
  const viewer = await viewerFor({
    id: user.id,
    organizationId: user.organizationId,
    isStaff: isStaff(user.role),
    messaging: hasMessaging(user),
  });

  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    // Everything that must be undone is registered before the first await, so a
    // client that leaves at once leaks no subscriber and no timer.
    start(controller) {
      let closed = false;
      const kind = { kind: isStaff(user.role) ? "staff" : "teammate" };
      metrics.streams.inc(kind);
      let unsubscribe: (() => void) | undefined;
      let beats = 0;
      const heartbeat = setInterval(() => {
        write(BEAT);
        if (++beats % RECHECK_EVERY === 0)
          recheck().catch((error: unknown) => log.error({ err: error }, "event stream session check failed"));
      }, HEARTBEAT_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        metrics.streams.dec(kind);
        clearInterval(heartbeat);
        unsubscribe?.();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const write = (chunk: string | Uint8Array) => {
        if (closed) return;
        try {
          controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
        } catch {
          cleanup(); // the client went away between two writes
        }
      };
      // What one round of events brought, written as one chunk.
      const batch: Uint8Array[] = [];
      const flush = () => {
        if (batch.length === 0) return;
        write(batch.length === 1 ? batch[0]! : Buffer.concat(batch));
        batch.length = 0;
      };
      request.signal.addEventListener("abort", () => cleanup());
      if (request.signal.aborted) return cleanup();
      // The session still holds, with the role the stream was opened with (a new role needs a
      // new stream: what it may see changed).
      const recheck = async () => {
        const now = await loadSessionUser(user.id, version, sessionId);
        if (!now || now.role !== user.role || now.messagingAccess !== user.messagingAccess) cleanup();
      };
      write("retry: 2000\n\n");
      const send = (e: LoggedEvent) => {
        // For the stream itself, never forwarded: this session (or all) may have ended.
        if (e.type === "session.ended") {
          const { sessionId: ended } = JSON.parse(e.payload) as EventPayloads["session.ended"];
          if (ended === null || ended === sessionId) recheck().catch(() => cleanup());
          return;
        }
        batch.push(frame(e));
      };
      const reload = () => write(`event: ${RELOAD_EVENT}\ndata: {}\n\n`);
      subscribe(viewer, parsed.data.after, send, reload, flush).then(
        (stop) => {
          if (closed) stop();
          else unsubscribe = stop;
        },
        (error: unknown) => {
          log.error({ err: error }, "event stream subscribe failed");
          cleanup();
        },
      );
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
