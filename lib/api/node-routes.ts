import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { sessionOf } from "@/lib/auth/session";
import { SESSION_COOKIE } from "@/lib/auth/options";
import { answerRoute, type RouteAnswer } from "./route";
import type { ActionContext } from "./action";
import type { Role } from "@/lib/auth/roles";
import { answerJson, cookie, serveEvents } from "./node-events";
import { log } from "@/lib/log";
import { translatorFor } from "@/lib/i18n/translator";
import { negotiate } from "@/lib/i18n/locales";
import { floorBodySchema, insertFloorMessage } from "@/lib/db/bench-floor";

// The requests `npm start` serves straight from its Node server (scripts/server.mjs asks
// serveFromNode first): the live event stream, and the routes registered here (sending a
// message: lib/dispatch/send-route.ts). Through Next.js, each request went through its web
// Request, streams and routing: 6 to 8 ms of CPU per request at 20 a second, more than the
// send itself (bench/streams.ts). The checks are the same code as the Next.js route's
// (answerRoute); `next dev` serves all of them through Next.js.

type Handler<S extends z.ZodType> = (input: z.output<S>, ctx: ActionContext) => Promise<object>;

export type NodeRoute = {
  method: string;
  /** The address (with its query string); each group is the param of the same rank in `params`. */
  path: RegExp;
  serve: (req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => Promise<void>;
  params: readonly string[];
};

/** A JSON route (lib/api/route.ts's kind) for the Node server. */
export function nodeRoute<S extends z.ZodType>(
  method: string,
  path: RegExp,
  params: readonly string[],
  opts: { schema: S; roles: readonly Role[] },
  handler: Handler<S>,
): NodeRoute {
  return { method, path, params, serve: (req, res, values) => serveRoute(req, res, opts, values, handler) };
}

/** Serves the request if it is one of these, and says whether it did. */
export function serveFromNode(routes: readonly NodeRoute[]) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? "/";
    if (req.method === "GET" && (url === "/api/events" || url.startsWith("/api/events?"))) {
      void serveEvents(req, res);
      return true;
    }
    for (const route of routes) {
      const match = req.method === route.method ? route.path.exec(url) : null;
      if (!match) continue;
      const values: Record<string, string> = {};
      for (const [i, name] of route.params.entries()) {
        const value = decoded(match[i + 1] ?? "");
        // An address that does not decode is left to Next.js, whose proxy answers it (400).
        if (value === null) return false;
        values[name] = value;
      }
      route.serve(req, res, values).catch((error: unknown) => {
        log.error({ err: error }, "request failed unexpectedly");
        if (res.headersSent) res.destroy();
        else
          answerJson(req, res, 500, {
            ok: false,
            error: translatorFor(negotiate(req.headers["accept-language"]))("errors.unexpected"),
          });
      });
      return true;
    }
    return false;
  };
}

/** A route of lib/api/route.ts's kind (JSON in, JSON out), answered on the Node response. */
async function serveRoute<S extends z.ZodType>(
  req: IncomingMessage,
  res: ServerResponse,
  opts: { schema: S; roles: readonly Role[] },
  params: Record<string, string>,
  handler: Handler<S>,
): Promise<void> {
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(", ") : (v ?? null);
  };
  let unread = true; // the body was not read to its end: the connection closes after the answer
  const answer: RouteAnswer = await answerRoute(
    opts,
    {
      method: req.method ?? "GET",
      header,
      text: async (limit) => {
        const text = await readLimited(req, limit);
        unread = text === null;
        return text;
      },
      query: () => Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams),
      params: async () => params,
      user: async () => (await sessionOf(cookie(header("cookie") ?? undefined, SESSION_COOKIE)))?.user ?? null,
    },
    handler,
  );
  if (res.destroyed) return;
  // A handler here answers JSON (a Response of its own is for routes Next.js serves).
  answerJson(
    req,
    res,
    "json" in answer ? answer.status : 500,
    "json" in answer ? answer.json : { ok: false },
    unread ? { Connection: "close" } : {},
  );
}

/** The body as text, or null once it passes `limit` bytes (what follows is not read). */
function readLimited(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
    // The caller went away before the end: nothing to answer (the response is gone too).
    req.once("close", () => resolve(null));
  });
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The bench's floor (lib/db/bench-floor.ts) served as the send is: the same server, the body
 * read the same way, then one insert, with no session and no checks. The bench paces sends
 * against it (`npm run bench`); instrumentation.ts registers it only when the bench starts
 * the server with SHIFTLINE_BENCH_FLOOR=1.
 */
export const benchFloorRoute: NodeRoute = {
  method: "POST",
  path: /^\/api\/bench\/floor$/,
  params: [],
  serve: async (req, res) => {
    const text = await readLimited(req, 64 * 1024);
    let body: unknown;
    try {
      body = JSON.parse(text ?? "");
    } catch {
      body = null;
    }
    const parsed = floorBodySchema.safeParse(body);
    if (!parsed.success) return answerJson(req, res, 400, { ok: false });
    answerJson(req, res, 200, { ok: true, id: await insertFloorMessage(parsed.data.body) });
  },
};

/** Lets scripts/server.mjs hand these requests here (instrumentation.ts, once per server process). */
export function serveFromNodeServer(routes: readonly NodeRoute[]): void {
  (globalThis as unknown as { shiftlineNode?: ReturnType<typeof serveFromNode> }).shiftlineNode = serveFromNode(routes);
}
