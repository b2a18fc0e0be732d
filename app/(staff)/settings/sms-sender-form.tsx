"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { setSmsSenderAction } from "@/lib/sms/actions";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";

/** The organisation's own SMS sender; what was typed stays after a refusal. */
export function SmsSenderForm({ sender }: { sender: string | null }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(setSmsSenderAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="mt-3 space-y-2" noValidate>
      {failed && !failed.fieldErrors?.sender ? <FormError message={failed.error} /> : null}
      <label htmlFor="sms-sender" className="block text-sm font-medium">
        {t("settings.smsSenderLabel")}
      </label>
      <input
        id="sms-sender"
        name="sender"
        defaultValue={failed?.values?.sender ?? sender ?? ""}
        placeholder="+33612345678"
        aria-describedby="sms-sender-error"
        className="min-h-11 w-full max-w-sm rounded-control border border-line px-3 text-sm"
      />
      <FieldError id="sms-sender-error" messages={failed?.fieldErrors?.sender} />
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={pending}>
          {t("settings.smsSenderSave")}
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
