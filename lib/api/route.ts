import "server-only";
import type { z } from "zod";
import { BadRequestError, ForbiddenError, NotFoundError, UnauthenticatedError, UserError } from "@/lib/errors";
import { toFailure } from "./action";
import { databaseFault } from "@/lib/db/faults";
import { requireRole } from "@/lib/auth/authorize";
import { getCurrentUser } from "@/lib/auth/session";
import { invalidResult } from "./result";
import type { ActionContext } from "./action";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { translatorFor } from "@/lib/i18n/translator";
import { isLocale, negotiate, type Locale } from "@/lib/i18n/locales";

const MAX_BODY_BYTES = 64 * 1024;

type RouteOptions<S extends z.ZodType> = {
  schema: S;
  roles: readonly Role[];
  /** "stream": the handler reads the body itself (uploads); the schema sees params and query. */
  body?: "json" | "stream";
};

/** What a route needs of its request, whichever server received it (Next.js, or lib/api/node-routes.ts). */
export type RouteRequest = {
  method: string;
  header: (name: string) => string | null;
  /** The body as text, or null once it passes `limit` bytes (the rest is not read). */
  text: (limit: number) => Promise<string | null>;
  query: () => Record<string, string>;
  params: () => Promise<Record<string, string>>;
  user: () => Promise<SessionUser | null>;
};

/** A route's answer: JSON with its status, or (a route of Next.js only) a response of its own. */
export type RouteAnswer = { status: number; json: object } | { response: Response };

/**
 * Session, role, a size-limited JSON body (or a GET's query string) parsed with zod, merged
 * with the route's params, then the handler: the checks of every route, whichever server
 * received the request. Answers JSON in the same { ok, error, fieldErrors } shape as actions,
 * with HTTP statuses.
 */
export async function answerRoute<S extends z.ZodType, T extends object>(
  opts: RouteOptions<S>,
  request: RouteRequest,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<T | Response>,
): Promise<RouteAnswer> {
  let user: SessionUser | null = null;
  try {
    if (!sameOrigin(request)) throw new ForbiddenError("errors.otherSite");
    user = await request.user();
    if (!user) throw new UnauthenticatedError();
    requireRole(user, opts.roles);
    const t = translatorFor(user.locale);
    let body: unknown = {};
    if (opts.body !== "stream") {
      // The declared size first, then the bytes as they come: reading stops at the limit.
      if (Number(request.header("content-length") ?? 0) > MAX_BODY_BYTES)
        return { status: 413, json: { ok: false, error: t("errors.tooLarge") } };
      const text = await request.text(MAX_BODY_BYTES);
      if (text === null) return { status: 413, json: { ok: false, error: t("errors.tooLarge") } };
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return { status: 400, json: { ok: false, error: t("errors.badJson") } };
      }
    }
    const query = request.method === "GET" || opts.body === "stream" ? request.query() : {};
    let params: Record<string, string>;
    try {
      params = await request.params();
    } catch {
      return { status: 400, json: { ok: false, error: t("errors.staleRequest") } }; // an address that does not decode ("%ZZ")
    }
    const raw = { ...query, ...(typeof body === "object" && body && !Array.isArray(body) ? body : {}), ...params };
    const parsed = opts.schema.safeParse(raw);
    if (!parsed.success) return { status: 400, json: invalidResult(parsed.error, t) };
    const result = await handler(parsed.data, { user });
    return result instanceof Response ? { response: result } : { status: 200, json: { ok: true, ...result } };
  } catch (error) {
    return failure(error, user && isLocale(user.locale) ? user.locale : negotiate(request.header("accept-language")));
  }
}

/** The route-handler twin of createAction (answerRoute, on Next.js's request). */
export function createRoute<S extends z.ZodType, T extends object, P extends Record<string, string>>(
  opts: RouteOptions<S>,
  handler: (input: z.output<S>, ctx: ActionContext, request: Request) => Promise<T | Response>,
) {
  return async function route(request: Request, context: { params: Promise<P> }): Promise<Response> {
    const answer = await answerRoute(
      opts,
      {
        method: request.method,
        header: (name) => request.headers.get(name),
        text: (limit) => readLimited(request, limit),
        query: () => Object.fromEntries(new URL(request.url).searchParams),
        params: () => context.params,
        user: getCurrentUser,
      },
      (input, ctx) => handler(input, ctx, request),
    );
    return "response" in answer ? answer.response : Response.json(answer.json, { status: answer.status });
  };
}

/** The body as text, or null once it passes `limit` bytes (the rest is not read). */
async function readLimited(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

// Cookies are SameSite=Lax already; this also refuses cross-site requests that carry one.
function sameOrigin(request: RouteRequest): boolean {
  const origin = request.header("origin");
  if (!origin || request.method === "GET") return true;
  try {
    return new URL(origin).host === (request.header("x-forwarded-host") ?? request.header("host"));
  } catch {
    return false;
  }
}

// The same messages as actions (toFailure), with the HTTP status of each kind of refusal.
function failure(error: unknown, locale: Locale): RouteAnswer {
  const status =
    error instanceof BadRequestError
      ? 400
      : error instanceof UnauthenticatedError
        ? 401
        : error instanceof ForbiddenError
          ? 403
          : error instanceof NotFoundError
            ? 404
            : error instanceof UserError
              ? 409
              : databaseFault(error) === "unavailable"
                ? 503
                : databaseFault(error) === "storage"
                  ? 507
                  : 500;
  return { status, json: toFailure(error, locale) };
}
