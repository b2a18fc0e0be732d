"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { requestResetAction } from "@/lib/account/password-actions";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";

/** "Forgot your password": the same answer whether the address has an account or not. */
export function ResetRequestForm() {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(requestResetAction, null);
  const failed = state && !state.ok ? state : null;
  if (state?.ok)
    return (
      <p role="status" className="text-sm text-slate-700">
        {t("account.resetSent")}{" "}
        <Link href="/sign-in" className="text-teal-800 underline">
          {t("auth.signIn")}
        </Link>
      </p>
    );
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <p className="text-sm text-slate-700">{t("account.resetText")}</p>
      <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
      <label className="block text-sm font-medium">
        {t("auth.email")}
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={failed?.values?.email}
          aria-invalid={Boolean(failed?.fieldErrors?.email)}
          aria-describedby={failed?.fieldErrors?.email ? "email-error" : undefined}
          className="inline-flex min-h-11 items-center justify-center mt-1 block w-full rounded-control border border-line px-3 text-base"
        />
      </label>
      <FieldError id="email-error" messages={failed?.fieldErrors?.email} />
      <Button type="submit" disabled={pending} className="w-full">
        {t("account.sendLink")}
      </Button>
    </form>
  );
}
