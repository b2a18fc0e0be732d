import type { z } from "zod";
import type { Translate } from "@/lib/i18n/text";

// The one result shape of every server action, shared by server and client code.
type FieldErrors = Record<string, string[] | undefined>;
export type ActionFailure = { ok: false; error: string; fieldErrors?: FieldErrors; values?: Record<string, string> };
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

/**
 * A zod failure as a result, in the reader's language: schemas give catalogue keys
 * as messages ("errors.messageRequired"); a limit reaches the text as {min} / {max}.
 * Zod's own English messages (a field of the wrong type) never reach a user.
 */
export function invalidResult(error: z.ZodError, t: Translate, values?: Record<string, string>): ActionFailure {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    const limits = issue as { minimum?: number | bigint; maximum?: number | bigint };
    const params = { min: Number(limits.minimum ?? 0), max: Number(limits.maximum ?? 0) };
    const message = issue.message.startsWith("errors.") ? t(issue.message, params) : t("errors.invalidValue");
    if (!fieldErrors[field]?.includes(message)) fieldErrors[field] = [...(fieldErrors[field] ?? []), message];
  }
  return { ok: false, error: t("errors.correctFields"), fieldErrors, values };
}
