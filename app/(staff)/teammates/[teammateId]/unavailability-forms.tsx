"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { removeUnavailabilityAction, saveUnavailabilityAction } from "@/lib/schedule/actions";

const input = "mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-500";

/** Add a period, or edit one (with `period`). Overlaps and an end before the start are refused. */
export function UnavailabilityForm({
  userId,
  period,
}: {
  userId: string;
  period?: { id: string; startsAt: string; endsAt: string; reason: string };
}) {
  const [state, action, pending] = useActionState(saveUnavailabilityAction, null);
  const t = useTranslations();
  const failed = state && !state.ok ? state : null;
  const v = failed?.values ?? period;
  const key = state?.ok ? "saved" : "editing";
  return (
    <form
      action={action}
      key={period ? undefined : key}
      className="flex flex-wrap items-end gap-2"
      aria-label={t(period ? "teammates.editPeriod" : "teammates.addPeriod")}
    >
      <input type="hidden" name="userId" value={userId} />
      {period ? <input type="hidden" name="id" value={period.id} /> : null}
      <label className="text-sm">
        {t("teammates.from")}
        <input
          type="datetime-local"
          name="startsAt"
          defaultValue={v?.startsAt}
          aria-invalid={Boolean(failed?.fieldErrors?.startsAt)}
          className={input}
        />
      </label>
      <label className="text-sm">
        {t("teammates.to")}
        <input
          type="datetime-local"
          name="endsAt"
          defaultValue={v?.endsAt}
          aria-invalid={Boolean(failed?.fieldErrors?.endsAt)}
          className={input}
        />
      </label>
      <label className="text-sm">
        {t("teammates.reason")}
        <input name="reason" defaultValue={v?.reason} maxLength={500} className={input} />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-11 items-center justify-center rounded-control bg-accent px-3 text-sm font-medium text-on-accent"
      >
        {t(period ? "teammates.save" : "teammates.addUnavailability")}
      </button>
      {failed ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {failed.fieldErrors?.endsAt?.[0] ?? failed.fieldErrors?.startsAt?.[0] ?? failed.error}
        </p>
      ) : null}
    </form>
  );
}

export function RemoveUnavailabilityButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState(removeUnavailabilityAction, null);
  const t = useTranslations();
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-sm text-red-700 underline">
        {t("teammates.remove")}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
