"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/api/result";

/** A one-button form for a server action, with its error shown beside it. Works without JavaScript. */
export function ActionButton<T extends object>({
  action,
  fields,
  label,
  pendingLabel,
  className = "",
  onSubmit,
  doneMessage,
  wide = false,
  icon,
}: {
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  className?: string;
  /** Runs in the browser as the form is sent (with JavaScript). */
  onSubmit?: () => void;
  /** Said beside the button once the action succeeded ("Sent."). */
  doneMessage?: string;
  /** The form takes its row's width (a menu item). */
  wide?: boolean;
  /** Shown instead of the label, which becomes the button's name and tooltip. */
  icon?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      className={wide ? "flex flex-col items-stretch" : "inline-flex items-center gap-2"}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* Not `disabled` while pending: a disabled button drops the keyboard focus to the page. */}
      <button
        type="submit"
        aria-disabled={pending || undefined}
        onClick={(e) => {
          if (pending) e.preventDefault();
        }}
        className={className}
        aria-label={icon ? label : undefined}
        title={icon ? label : undefined}
      >
        {icon ?? (pending && pendingLabel ? pendingLabel : label)}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
      {state?.ok && doneMessage ? (
        <span role="status" className="text-xs text-slate-700">
          {doneMessage}
        </span>
      ) : null}
    </form>
  );
}
