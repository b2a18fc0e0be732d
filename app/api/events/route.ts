import { getCurrentSession } from "@/lib/auth/session";
import { EVENT_STREAM_HEADERS, startEventStream } from "@/lib/realtime/event-stream";
import { openFeed } from "@/lib/api/event-feed";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events: the live feed of what this user may see. Authenticated by
 * the session cookie; a reconnect resumes after its Last-Event-ID.
 * `npm start` (scripts/server.mjs) answers this address itself, on the Node response
 * (lib/api/node-events.ts): the same feed without a web stream per screen. This
 * handler serves it under `next dev`.
 */
export async function GET(request: Request) {
  const opened = await openFeed(await getCurrentSession(), {
    lastEventId: request.headers.get("last-event-id"),
    after: new URL(request.url).searchParams.get("after"),
    acceptLanguage: request.headers.get("accept-language"),
  });
  if ("status" in opened) return Response.json(opened.body, { status: opened.status });
  const { feed, after } = opened;

  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      stop = startEventStream(feed, after, {
        write: (chunk) => {
          try {
            controller.enqueue(chunk);
            return true;
          } catch {
            return false;
          }
        },
        close: () => {
          if (!open) return;
          open = false;
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        },
      });
      request.signal.addEventListener("abort", () => stop());
      if (request.signal.aborted) stop();
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, { headers: EVENT_STREAM_HEADERS });
}
