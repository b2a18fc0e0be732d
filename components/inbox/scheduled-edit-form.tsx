"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { editScheduledAction } from "@/lib/inbox/actions";
import { buttonClass } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";

/** A scheduled message's words and time, changed before it leaves. Works without JavaScript. */
export function ScheduledEditForm({
  id,
  body,
  sendAt,
  zone,
}: {
  id: string;
  body: string;
  sendAt: string;
  zone: string;
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(editScheduledAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-2 p-3 pt-0">
      <input type="hidden" name="id" value={id} />
      <label className="block text-sm font-medium">
        {t("thread.message")}
        <textarea
          name="body"
          defaultValue={failed?.values?.body ?? body}
          rows={3}
          aria-invalid={Boolean(failed?.fieldErrors?.body)}
          className="mt-1 block w-full rounded-control border border-line bg-surface px-3 py-2 text-base"
        />
      </label>
      <FieldError id={`scheduled-${id}-body`} messages={failed?.fieldErrors?.body} />
      <label className="block text-sm font-medium">
        {t("scheduled.when")}
        <input
          type="datetime-local"
          name="sendAt"
          defaultValue={failed?.values?.sendAt ?? sendAt}
          aria-invalid={Boolean(failed?.fieldErrors?.sendAt)}
          className="mt-1 block min-h-11 w-full rounded-control border border-line bg-surface px-2 text-sm"
        />
      </label>
      <p className="text-xs text-muted">{t("scheduled.inZone", { zone })}</p>
      <FieldError id={`scheduled-${id}-sendAt`} messages={failed?.fieldErrors?.sendAt} />
      {failed && !failed.fieldErrors ? <FormError message={failed.error} /> : null}
      <button type="submit" disabled={pending} className={buttonClass("primary", "sm")}>
        {t("scheduled.save")}
      </button>
      {state?.ok ? (
        <span role="status" className="ml-2 text-sm text-muted">
          {t("scheduled.saved")}
        </span>
      ) : null}
    </form>
  );
}
