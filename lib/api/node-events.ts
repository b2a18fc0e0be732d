import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionOf } from "@/lib/auth/session";
import { SESSION_COOKIE } from "@/lib/auth/options";
import { EVENT_STREAM_HEADERS, startEventStream } from "@/lib/realtime/event-stream";
import { openFeed } from "./event-feed";
import { translatorFor } from "@/lib/i18n/translator";
import { negotiate } from "@/lib/i18n/locales";
import { securityHeaders } from "@/lib/security-headers";
import { log } from "@/lib/log";

// GET /api/events as `npm start` serves it: scripts/server.mjs hands the request here (lib/api/node-routes.ts), and
// the feed (lib/realtime/event-stream.ts, lib/api/event-feed.ts) writes to the Node response. Through Next.js, each
// write of each screen went through a web stream and its pipe to the response: with a
// thousand screens open that cost more than the message itself (bench/streams.ts).
// The checks are app/api/events/route.ts's, in one place (openFeed).

// A client this far behind (the socket's buffer) is cut: it reconnects and resumes from its
// last event, rather than the server keeping what it does not read.
const MAX_BUFFERED = 1024 * 1024;

/** One cookie's value from a Cookie header. */
export function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** A JSON answer on the Node response, with the security headers the proxy gives Next.js's answers. */
export function answerJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...securityHeaders({ https: req.headers["x-forwarded-proto"] === "https" }),
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(JSON.stringify(body));
}

export async function serveEvents(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const https = req.headers["x-forwarded-proto"] === "https";
  const answer = (status: number, body: object) => answerJson(req, res, status, body);
  try {
    const lastEventId = req.headers["last-event-id"];
    const opened = await openFeed(await sessionOf(cookie(req.headers.cookie, SESSION_COOKIE)), {
      lastEventId: typeof lastEventId === "string" ? lastEventId : null,
      after: new URL(req.url ?? "/", "http://localhost").searchParams.get("after"),
      acceptLanguage: req.headers["accept-language"],
    });
    if ("status" in opened) return answer(opened.status, opened.body);
    const { feed, after } = opened;
    if (res.destroyed) return; // gone while it was checked
    res.writeHead(200, { ...securityHeaders({ https }), ...EVENT_STREAM_HEADERS });
    const stop = startEventStream(feed, after, {
      write: (chunk) => {
        if (res.destroyed || res.writableLength > MAX_BUFFERED) return false;
        res.write(chunk);
        return true;
      },
      // A client too far behind is cut at once; otherwise what was written still goes out first.
      close: () => (res.writableLength > MAX_BUFFERED ? res.destroy() : res.end()),
    });
    res.on("close", stop);
  } catch (error) {
    log.error({ err: error }, "event stream failed to open");
    if (!res.headersSent)
      answer(500, { ok: false, error: translatorFor(negotiate(req.headers["accept-language"]))("errors.unexpected") });
    else res.destroy();
  }
}
