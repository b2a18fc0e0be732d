"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { setEditWindowAction } from "@/lib/admin/actions";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";

/** How long an author may edit a message; what was typed stays after a refusal. */
export function EditWindowForm({ minutes }: { minutes: number }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(setEditWindowAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="mt-3 space-y-2" noValidate>
      {failed && !failed.fieldErrors?.minutes ? <FormError message={failed.error} /> : null}
      <label htmlFor="edit-window" className="block text-sm font-medium">
        {t("settings.editWindowLabel")}
      </label>
      <input
        id="edit-window"
        name="minutes"
        inputMode="numeric"
        defaultValue={failed?.values?.minutes ?? String(minutes)}
        aria-describedby="edit-window-error"
        className="min-h-11 w-28 rounded-control border border-line px-3 text-sm"
      />
      <FieldError id="edit-window-error" messages={failed?.fieldErrors?.minutes} />
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={pending}>
          {t("settings.editWindowSave")}
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
