import "server-only";
import { unstable_rethrow } from "next/navigation";
import { databaseFault } from "@/lib/db/faults";
import { log, logRateLimited, requestContext } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { reportError } from "@/lib/observe/report";
import type { z } from "zod";
import { invalidResult, type ActionFailure, type ActionResult } from "./result";
import { ForbiddenError, NotFoundError, UnauthenticatedError, UserError } from "@/lib/errors";
import { requireRole } from "@/lib/auth/authorize";
import { getCurrentUser } from "@/lib/auth/session";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { translatorFor } from "@/lib/i18n/translator";
import { requestLocale } from "@/lib/i18n/request-locale";
import type { Locale } from "@/lib/i18n/locales";
import { resolveValues } from "@/lib/i18n/text";

export type { ActionFailure, ActionResult } from "./result";
export type ActionContext = { user: SessionUser };

// Fields never echoed back to the form after a failure.
const SECRET_FIELDS = new Set(["password", "confirm", "current", "token"]);

/**
 * The one way to write a server action: authenticate, check the role, parse the
 * input with zod, then run the handler with a typed context. Failures come back
 * as { ok: false, error, fieldErrors } with the user's input, so nothing typed is lost.
 */
export function createAction<S extends z.ZodType, T extends object>(
  opts: { schema: S; roles: readonly Role[] },
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
) {
  return async function action(
    _prev: ActionResult<T> | null,
    input: FormData | Record<string, unknown>,
  ): Promise<ActionResult<T>> {
    const raw = readInput(input);
    const values = echo(raw);
    let user: SessionUser | null = null;
    try {
      user = await getCurrentUser();
      if (!user) throw new UnauthenticatedError();
      requireRole(user, opts.roles);
      const parsed = opts.schema.safeParse(raw);
      if (!parsed.success) return invalidResult(parsed.error, translatorFor(user.locale), values);
      const data = await handler(parsed.data, { user });
      return { ok: true, ...data };
    } catch (error) {
      unstable_rethrow(error);
      return toFailure(error, await requestLocale(user), values);
    }
  };
}

/**
 * The same builder for the few actions that run without a session (sign-in,
 * sign-out): input parsed with zod, one result shape, nothing typed lost.
 */
export function createPublicAction<S extends z.ZodType, T extends object>(
  opts: { schema: S },
  handler: (input: z.output<S>) => Promise<T>,
) {
  return async function action(
    _prev: ActionResult<T> | null,
    input: FormData | Record<string, unknown>,
  ): Promise<ActionResult<T>> {
    const raw = readInput(input);
    const values = echo(raw);
    try {
      const parsed = opts.schema.safeParse(raw);
      if (!parsed.success) return invalidResult(parsed.error, translatorFor(await requestLocale()), values);
      return { ok: true, ...(await handler(parsed.data)) };
    } catch (error) {
      unstable_rethrow(error);
      return toFailure(error, await requestLocale(), values);
    }
  };
}

/** A failure as the one result shape, in `locale`; unexpected errors are logged and never shown. */
export function toFailure(error: unknown, locale: Locale, values?: Record<string, string>): ActionFailure {
  const t = translatorFor(locale);
  if (error instanceof UserError) {
    const message = t(error.text.key, resolveValues(error.text.values, locale));
    return { ok: false, error: message, values, ...(error.field ? { fieldErrors: { [error.field]: [message] } } : {}) };
  }
  if (error instanceof NotFoundError || error instanceof ForbiddenError || error instanceof UnauthenticatedError) {
    return { ok: false, error: t(error.text.key), values };
  }
  const fault = databaseFault(error);
  if (fault) {
    // Every request fails alike while it lasts: one line a minute tells the operator.
    metrics.dbErrors.inc({ kind: fault });
    logRateLimited(
      `db.${fault}`,
      `[db] ${fault === "storage" ? "cannot store" : "unreachable"}: ${(error as Error).message?.split("\n")[0]}`,
    );
    return { ok: false, error: t(fault === "storage" ? "errors.storageFull" : "errors.unavailable"), values };
  }
  log.error({ err: error }, "action failed unexpectedly");
  reportError(error, { requestId: requestContext.getStore()?.requestId });
  return { ok: false, error: t("errors.unexpected"), values };
}

/** A form, or an object; anything else a caller may send (nothing, null, a number) reads as no fields, so the schema refuses it clearly. */
function readInput(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) return formToObject(input);
  return input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    // A repeated field (ticked checkboxes of one name) becomes a list.
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function echo(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (SECRET_FIELDS.has(k)) continue;
    // Repeated fields (ticked checkboxes) come back joined by commas, as the schemas also read them.
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) out[k] = v.join(",");
  }
  return out;
}
