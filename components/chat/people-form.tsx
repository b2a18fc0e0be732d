"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/api/result";
import type { Person } from "@/lib/chat/people";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";

/**
 * Picks people of one department, with a name when the form asks for one: a new
 * private conversation, a public one (no people), or adding participants. Works
 * without JavaScript; what was ticked and typed comes back after a refusal.
 */
export function PeopleForm<T extends object>({
  action,
  hidden,
  people,
  nameField,
  submitLabel,
  peopleLabel,
  testId,
}: {
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  hidden: Record<string, string>;
  /** null: no recipients to pick (a public conversation has the whole department). */
  people: Person[] | null;
  nameField?: { label: string; hint?: string; required: boolean };
  submitLabel: string;
  peopleLabel?: string;
  testId: string;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const [filter, setFilter] = useState("");
  const ticked = new Set((failed?.values?.memberIds ?? "").split(",").filter(Boolean));
  const shown =
    people?.filter((p) => `${p.firstName} ${p.lastName}`.toLowerCase().includes(filter.trim().toLowerCase())) ?? null;
  return (
    <form action={formAction} className="space-y-4" data-testid={testId}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {failed && !failed.fieldErrors ? <FormError message={failed.error} /> : null}
      {people ? (
        <fieldset>
          <legend className="text-sm font-medium">{peopleLabel ?? t("chat.recipients")}</legend>
          {people.length > 8 ? (
            <input
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              placeholder={t("chat.findPerson")}
              aria-label={t("chat.findPerson")}
              className="mt-2 min-h-11 w-full rounded-control border border-line px-3 text-sm"
            />
          ) : null}
          {people.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("chat.nobodyHere")}</p> : null}
          <ul
            className="mt-2 max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-control border border-slate-200"
            aria-describedby="memberIds-error"
          >
            {people.map((p) => (
              // Filtered-out people stay in the form (hidden), so a ticked one is not lost.
              <li key={p.id} hidden={shown !== null && !shown.includes(p)}>
                <label className="flex min-h-11 cursor-pointer items-center gap-3 px-3 text-sm">
                  <input
                    type="checkbox"
                    name="memberIds"
                    value={p.id}
                    defaultChecked={ticked.has(p.id)}
                    className="size-5"
                  />
                  {p.firstName} {p.lastName}
                </label>
              </li>
            ))}
          </ul>
          <FieldError id="memberIds-error" messages={failed?.fieldErrors?.memberIds} />
        </fieldset>
      ) : null}
      {nameField ? (
        <div>
          <label htmlFor={`${testId}-name`} className="block text-sm font-medium">
            {nameField.label}
          </label>
          {nameField.hint ? <p className="text-xs text-slate-600">{nameField.hint}</p> : null}
          <input
            id={`${testId}-name`}
            name="name"
            defaultValue={failed?.values?.name ?? ""}
            maxLength={80}
            required={nameField.required}
            aria-invalid={Boolean(failed?.fieldErrors?.name) || undefined}
            aria-describedby="name-error"
            className="mt-1 min-h-11 w-full rounded-control border border-line px-3"
          />
          <FieldError id="name-error" messages={failed?.fieldErrors?.name} />
        </div>
      ) : null}
      <FieldError id="departmentId-error" messages={failed?.fieldErrors?.departmentId} />
      <Button type="submit" aria-disabled={pending || undefined}>
        {submitLabel}
      </Button>
    </form>
  );
}
