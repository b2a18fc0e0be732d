"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/api/result";

/** One name to add or rename, with the refusal beside it; works without JavaScript. */
export function NameForm<T extends object>({
  action,
  fields,
  label,
  submitLabel,
  defaultValue = "",
  testId,
}: {
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  label: string;
  submitLabel: string;
  defaultValue?: string;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const message = failed?.fieldErrors?.name?.[0] ?? failed?.error;
  return (
    // A new key after a success empties an "add" form.
    <form
      key={state?.ok ? JSON.stringify(state) : "form"}
      action={formAction}
      className="flex flex-wrap items-center gap-2"
      data-testid={testId}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <input
        name="name"
        aria-label={label}
        defaultValue={failed?.values?.name ?? defaultValue}
        maxLength={80}
        required
        className="min-h-11 min-w-0 flex-1 rounded-control border border-line px-3 text-sm"
      />
      <button
        type="submit"
        aria-disabled={pending || undefined}
        className="min-h-11 rounded-control border border-line px-3 text-sm hover:bg-slate-100"
      >
        {submitLabel}
      </button>
      {message ? (
        <span role="alert" className="w-full text-xs text-red-700">
          {message}
        </span>
      ) : null}
    </form>
  );
}
