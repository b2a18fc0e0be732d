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
import { requestLocale } from "@/lib/i18n/request-locale";
import type { Locale } from "@/lib/i18n/locales";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The route-handler twin of createAction: session, role, a size-limited JSON
 * body (or a GET's query string) parsed with zod, merged with the route's params,
 * then the handler.
 * Answers JSON in the same { ok, error, fieldErrors } shape, with HTTP statuses.
 */
export function createRoute<S extends z.ZodType, T extends object, P extends Record<string, string>>(
  opts: {
    schema: S;
    roles: readonly Role[];
    /** "stream": the handler reads the body itself (uploads); the schema sees params and query. */ body?:
      "json" | "stream";
  },
  handler: (input: z.output<S>, ctx: ActionContext, request: Request) => Promise<T | Response>,
) {
  return async function route(request: Request, context: { params: Promise<P> }): Promise<Response> {
    let user: SessionUser | null = null;
    try {
      if (!sameOrigin(request)) throw new ForbiddenError("errors.otherSite");
      user = await getCurrentUser();
      if (!user) throw new UnauthenticatedError();
      requireRole(user, opts.roles);
      const t = translatorFor(user.locale);
      let body: unknown = {};
      if (opts.body !== "stream") {
        // The declared size first, then the bytes as they come: reading stops at the limit.
        if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
          return Response.json({ ok: false, error: t("errors.tooLarge") }, { status: 413 });
        const text = await readLimited(request, MAX_BODY_BYTES);
        if (text === null) return Response.json({ ok: false, error: t("errors.tooLarge") }, { status: 413 });
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          return Response.json({ ok: false, error: t("errors.badJson") }, { status: 400 });
        }
      }
      const query =
        request.method === "GET" || opts.body === "stream" ? Object.fromEntries(new URL(request.url).searchParams) : {};
      let params: P;
      try {
        params = await context.params;
      } catch {
        return Response.json({ ok: false, error: t("errors.staleRequest") }, { status: 400 }); // an address that does not decode ("%ZZ")
      }
      const raw = { ...query, ...(typeof body === "object" && body && !Array.isArray(body) ? body : {}), ...params };
      const parsed = opts.schema.safeParse(raw);
      if (!parsed.success) return Response.json(invalidResult(parsed.error, t), { status: 400 });
      const result = await handler(parsed.data, { user }, request);
      return result instanceof Response ? result : Response.json({ ok: true, ...result });
    } catch (error) {
      return failure(error, await requestLocale(user));
    }
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
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || request.method === "GET") return true;
  try {
    return new URL(origin).host === (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return false;
  }
}

// The same messages as actions (toFailure), with the HTTP status of each kind of refusal.
function failure(error: unknown, locale: Locale): Response {
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
  return Response.json(toFailure(error, locale), { status });
}
