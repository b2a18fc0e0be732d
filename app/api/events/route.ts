import { getCurrentSession } from "@/lib/auth/session";
import { resumeSchema } from "@/lib/realtime/schemas";
import { EVENT_STREAM_HEADERS, startEventStream } from "@/lib/realtime/event-stream";
import { translatorFor } from "@/lib/i18n/translator";
import { requestLocale } from "@/lib/i18n/request-locale";
import { feedFor } from "@/lib/api/event-feed";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events: the live feed of what this user may see. Authenticated by
 * the session cookie; a reconnect resumes after its Last-Event-ID.
 * `npm start` (scripts/server.mjs) answers this address itself, on the Node response
 * (lib/api/node-events.ts): the same feed without a web stream per screen. This
 * handler serves it under `next dev`.
 */
export async function GET(request: Request) {
  const session = await getCurrentSession();
  if (!session)
    return Response.json(
      { ok: false, error: translatorFor(await requestLocale())("errors.sessionEnded") },
      { status: 401 },
    );
  const { user } = session;
  const url = new URL(request.url);
  const parsed = resumeSchema.safeParse({
    after: request.headers.get("last-event-id") || url.searchParams.get("after") || undefined,
  });
  if (!parsed.success)
    return Response.json({ ok: false, error: translatorFor(user.locale)("errors.staleRequest") }, { status: 400 });
  const feed = await feedFor(session);

  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      stop = startEventStream(feed, parsed.data.after, {
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
