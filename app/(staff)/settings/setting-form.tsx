"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/api/result";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";

/**
 * One organisation setting of one field (the SMS sender, the edit window): saved by `action`,
 * refused next to the field, and what was typed stays after a refusal.
 */
export function SettingForm<T extends object>({
  action: save,
  name,
  value,
  label,
  saveLabel,
  placeholder,
  inputMode,
  className = "w-full max-w-sm",
}: {
  action: (prev: ActionResult<T> | null, input: FormData) => Promise<ActionResult<T>>;
  name: string;
  value: string;
  label: string;
  saveLabel: string;
  placeholder?: string;
  inputMode?: "numeric";
  className?: string;
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(save, null);
  const failed = state && !state.ok ? state : null;
  const id = `setting-${name}`;
  return (
    <form action={action} className="mt-3 space-y-2" noValidate>
      {failed && !failed.fieldErrors?.[name] ? <FormError message={failed.error} /> : null}
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={failed?.values?.[name] ?? value}
        placeholder={placeholder}
        inputMode={inputMode}
        aria-describedby={`${id}-error`}
        className={`min-h-11 rounded-control border border-line px-3 text-sm ${className}`}
      />
      <FieldError id={`${id}-error`} messages={failed?.fieldErrors?.[name]} />
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={pending}>
          {saveLabel}
        </Button>
        {state?.ok ? (
          <span role="status" className="text-sm text-slate-700">
            {t("settings.saved")}
          </span>
        ) : null}
      </div>
    </form>
  );
}
