"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { updateProfileAction } from "@/lib/admin/actions";
import type { ActionFailure } from "@/lib/api/result";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";

type Option = { id: string; name: string };
type Values = {
  userId: string;
  firstName: string;
  lastName: string;
  phone: string;
  smsConsent: boolean;
  street: string;
  postcode: string;
  city: string;
  locale: string;
  departmentId: string;
  groupIds: string[];
  skillIds: string[];
  tagIds: string[];
  waitingList: boolean;
  active: boolean;
};

const input =
  "mt-1 block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base aria-[invalid=true]:border-red-500";

/** A teammate's profile, as staff edit it. After a refusal everything typed and ticked comes back. */
type Props = {
  values: Values;
  departments: (Option & { groups: Option[] })[];
  skills: Option[];
  tags: Option[];
  locales: { value: string; label: string }[];
};

export function ProfileForm(props: Props) {
  const [state, formAction, pending] = useActionState(updateProfileAction, null);
  const failed = state && !state.ok ? state : null;
  // React resets a form after its action; a fresh one after each refusal starts from what was sent.
  return (
    <ProfileFields
      key={JSON.stringify(failed?.values ?? null)}
      {...props}
      failed={failed}
      formAction={formAction}
      pending={pending}
    />
  );
}

function ProfileFields({
  values: initial,
  departments,
  skills,
  tags,
  locales,
  failed,
  formAction,
  pending,
}: Props & { failed: ActionFailure | null; formAction: (form: FormData) => void; pending: boolean }) {
  const t = useTranslations();
  const back = failed?.values;
  const list = (k: "groupIds" | "skillIds" | "tagIds") =>
    back ? (back[k] ?? "").split(",").filter(Boolean) : initial[k];
  const text = (k: keyof Values) => (back ? (back[k] ?? "") : String(initial[k] ?? ""));
  const flag = (k: "smsConsent" | "waitingList" | "active") => (back ? back[k] === "on" : initial[k]);
  const [departmentId, setDepartmentId] = useState(text("departmentId"));
  const groups = departments.find((d) => d.id === departmentId)?.groups ?? [];
  const err = (k: string) => failed?.fieldErrors?.[k];
  const field = (k: keyof Values, label: string, type = "text", autoComplete = "off") => (
    <div>
      <label className="block text-sm font-medium">
        {label}
        <input
          name={k}
          type={type}
          autoComplete={autoComplete}
          defaultValue={text(k)}
          aria-invalid={Boolean(err(k))}
          aria-describedby={err(k) ? `${k}-error` : undefined}
          className={input}
        />
      </label>
      <FieldError id={`${k}-error`} messages={err(k)} />
    </div>
  );
  const boxes = (name: "groupIds" | "skillIds" | "tagIds", legend: string, options: Option[]) => (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      {options.length === 0 ? <p className="text-sm text-slate-500">—</p> : null}
      <div className="mt-1 flex flex-wrap gap-x-4">
        {options.map((o) => (
          <label key={o.id} className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={o.id}
              defaultChecked={list(name).includes(o.id)}
              className="size-5"
            />
            {o.name}
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} messages={err(name)} />
    </fieldset>
  );
  const check = (k: "smsConsent" | "waitingList" | "active", label: string) => (
    <label className="flex min-h-11 items-center gap-2 text-sm">
      <input type="checkbox" name={k} defaultChecked={flag(k)} className="size-5" />
      {label}
    </label>
  );
  return (
    <form action={formAction} className="space-y-5" noValidate data-testid="profile-form">
      <input type="hidden" name="userId" value={initial.userId} />
      <FormError
        message={failed && !failed.fieldErrors ? failed.error : failed ? t("errors.correctFields") : undefined}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        {field("firstName", t("people.firstName"))}
        {field("lastName", t("people.lastName"))}
        {field("phone", t("people.mobile"), "tel")}
        <div className="flex items-end">{check("smsConsent", t("teammates.smsConsent"))}</div>
        {field("street", t("people.street"))}
        {field("postcode", t("people.postcode"))}
        {field("city", t("people.city"))}
        <label className="block text-sm font-medium">
          {t("people.language")}
          <select name="locale" defaultValue={text("locale")} className={input}>
            {locales.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div>
        <label className="block text-sm font-medium">
          {t("people.department")}
          <select
            name="departmentId"
            defaultValue={departmentId}
            onChange={(e) => setDepartmentId(e.target.value)}
            className={input}
          >
            <option value="">{t("people.noDepartment")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <FieldError id="departmentId-error" messages={err("departmentId")} />
      </div>
      {/* Without JavaScript every department's groups are offered; the server keeps only the chosen department's. */}
      {boxes(
        "groupIds",
        t("people.groups"),
        groups.length || departmentId ? groups : departments.flatMap((d) => d.groups),
      )}
      {boxes("skillIds", t("teammates.skills"), skills)}
      {boxes("tagIds", t("teammates.tags"), tags)}
      <div className="flex flex-wrap gap-x-6">
        {check("waitingList", t("people.waitingListCandidate"))}
        {check("active", t("people.activeTeammate"))}
      </div>
      <Button type="submit" disabled={pending}>
        {t("people.saveProfile")}
      </Button>
    </form>
  );
}
