"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { assignAction, unassignAction } from "@/lib/schedule/actions";

export function AssignForm({ shiftId, candidates }: { shiftId: string; candidates: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(assignAction, null);
  const t = useTranslations();
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="shiftId" value={shiftId} />
      <label className="text-sm">
        {t("schedule.assignLabel")}
        <select
          name="userId"
          className="mt-1 block rounded-control border border-line bg-surface px-2 text-sm"
          defaultValue=""
        >
          <option value="" disabled>
            {t("schedule.choose")}
          </option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-11 items-center justify-center rounded-control bg-accent px-3 text-sm font-medium text-on-accent"
      >
        {t("schedule.assign")}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.fieldErrors?.userId?.[0] ?? state.error}
        </p>
      ) : null}
    </form>
  );
}

export function UnassignButton({ shiftId, userId, name }: { shiftId: string; userId: string; name: string }) {
  const [state, action, pending] = useActionState(unassignAction, null);
  const t = useTranslations();
  return (
    <form action={action} className="inline">
      <input type="hidden" name="shiftId" value={shiftId} />
      <input type="hidden" name="userId" value={userId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("schedule.unassignName", { name })}
        className="inline-flex min-h-11 items-center rounded-control px-2 text-sm text-red-700 underline hover:bg-slate-100"
      >
        {t("schedule.unassign")}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
