"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/api/result";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";

const input =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base outline-none focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 aria-[invalid=true]:border-red-500";

/** A new password typed twice (and the current one, to change one's own). Works without JavaScript. */
export function PasswordForm<T extends object>({
  action,
  hidden = {},
  withCurrent = false,
  submitLabel,
  doneMessage,
}: {
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  hidden?: Record<string, string>;
  withCurrent?: boolean;
  submitLabel: string;
  /** Shown after a success that stays on the page. */
  doneMessage?: string;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const field = (name: string, label: string, autoComplete: string) => (
    <div>
      <label className="block text-sm font-medium">
        {label}
        <input
          name={name}
          type="password"
          autoComplete={autoComplete}
          required
          aria-invalid={Boolean(failed?.fieldErrors?.[name])}
          aria-describedby={failed?.fieldErrors?.[name] ? `${name}-error` : undefined}
          className={input}
        />
      </label>
      <FieldError id={`${name}-error`} messages={failed?.fieldErrors?.[name]} />
    </div>
  );
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
      {state?.ok && doneMessage ? (
        <p role="status" className="rounded-control border border-teal-200 bg-teal-50 px-3 py-2 text-sm text-teal-900">
          {doneMessage}
        </p>
      ) : null}
      {withCurrent ? field("current", t("account.currentPassword"), "current-password") : null}
      {field("password", t("account.newPassword"), "new-password")}
      {field("confirm", t("account.confirmPassword"), "new-password")}
      <p className="text-xs text-slate-600">{t("account.passwordHint", { min: 10 })}</p>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {submitLabel}
      </Button>
    </form>
  );
}
