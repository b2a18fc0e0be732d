"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { inviteAction } from "@/lib/admin/actions";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";

const input =
  "mt-1 block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base aria-[invalid=true]:border-red-500";

/** Invite by e-mail: admins choose the role; managers invite teammates. What was typed comes back after a refusal. */
export function InviteForm({
  admin,
  departments,
  locales,
}: {
  admin: boolean;
  departments: { id: string; name: string }[];
  locales: { value: string; label: string }[];
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(inviteAction, null);
  const failed = state && !state.ok ? state : null;
  const v = failed?.values ?? {};
  const text = (name: string, label: string, type = "text", autoComplete = "off") => (
    <div>
      <label className="block text-sm font-medium">
        {label}
        <input
          name={name}
          type={type}
          autoComplete={autoComplete}
          required
          defaultValue={v[name]}
          aria-invalid={Boolean(failed?.fieldErrors?.[name])}
          aria-describedby={failed?.fieldErrors?.[name] ? `${name}-error` : undefined}
          className={input}
        />
      </label>
      <FieldError id={`${name}-error`} messages={failed?.fieldErrors?.[name]} />
    </div>
  );
  return (
    // A new key after each success empties the form for the next person.
    <form
      key={state?.ok ? state.userId : "form"}
      action={formAction}
      className="space-y-4"
      noValidate
      data-testid="invite-form"
    >
      {state?.ok ? (
        <p role="status" className="rounded-control border border-teal-200 bg-teal-50 px-3 py-2 text-sm text-teal-900">
          {t("people.invited", { email: state.email })}
        </p>
      ) : null}
      <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
      {text("email", t("auth.email"), "email")}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("firstName", t("people.firstName"))}
        {text("lastName", t("people.lastName"))}
      </div>
      {admin ? (
        <label className="block text-sm font-medium">
          {t("people.role")}
          <select name="role" defaultValue={v.role ?? "TEAMMATE"} className={input}>
            <option value="TEAMMATE">{t("roles.TEAMMATE")}</option>
            <option value="MANAGER">{t("roles.MANAGER")}</option>
            <option value="ADMIN">{t("roles.ADMIN")}</option>
          </select>
        </label>
      ) : (
        <input type="hidden" name="role" value="TEAMMATE" />
      )}
      <label className="block text-sm font-medium">
        {t("people.department")}
        <select name="departmentId" defaultValue={v.departmentId ?? ""} className={input}>
          <option value="">{t("people.noDepartment")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        {t("people.language")}
        <select name="locale" defaultValue={v.locale ?? locales[0]?.value} className={input}>
          {locales.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" disabled={pending}>
        {t("people.sendInvitation")}
      </Button>
    </form>
  );
}
