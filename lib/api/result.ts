import { z } from "zod";

// The one result shape of every server action, shared by server and client code.
export type FieldErrors = Record<string, string[] | undefined>;
export type ActionFailure = { ok: false; error: string; fieldErrors?: FieldErrors; values?: Record<string, string> };
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

export function invalidResult(error: z.ZodError, values?: Record<string, string>): ActionFailure {
  const fieldErrors = z.flattenError(error).fieldErrors as FieldErrors;
  return { ok: false, error: "Please correct the highlighted fields.", fieldErrors, values };
}
