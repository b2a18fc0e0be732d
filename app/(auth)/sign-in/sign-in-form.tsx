"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { signInAction } from "@/lib/account/actions";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";

const input =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base outline-none focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 aria-[invalid=true]:border-red-500";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const [state, formAction, pending] = useActionState(signInAction, null);
  const t = useTranslations();
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormError message={failed ? (failed.fieldErrors ? undefined : failed.error) : initialError} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
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
          className={input}
        />
      </label>
      <FieldError id="email-error" messages={failed?.fieldErrors?.email} />
      <label className="block text-sm font-medium">
        {t("auth.password")}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(failed?.fieldErrors?.password)}
          aria-describedby={failed?.fieldErrors?.password ? "password-error" : undefined}
          className={input}
        />
      </label>
      <FieldError id="password-error" messages={failed?.fieldErrors?.password} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("auth.signingIn") : t("auth.signIn")}
      </Button>
    </form>
  );
}
