"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Link } from "@/components/ui/link";
import { askAboutShiftAction } from "@/lib/schedule/actions";

function AskForm({
  shiftId,
  kind,
  clientId,
  label,
  submit,
}: {
  shiftId: string;
  kind: string;
  clientId: string;
  label: string;
  submit: string;
}) {
  const [state, action, pending] = useActionState(askAboutShiftAction, null);
  const t = useTranslations();
  if (state?.ok)
    return (
      <p role="status" className="text-sm text-green-800">
        {t("mySchedule.sent")}{" "}
        <Link href="/me/messages" className="underline">
          {t("mySchedule.seeMessages")}
        </Link>
      </p>
    );
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="shiftId" value={shiftId} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="clientId" value={clientId} />
      <label className="block text-sm">
        {label}
        <textarea
          name="body"
          rows={2}
          defaultValue={failed?.values?.body}
          className="mt-1 block w-full rounded-control border border-line px-2 py-1 text-base"
        />
      </label>
      {failed ? (
        <p role="alert" className="text-sm text-red-700">
          {failed.fieldErrors?.body?.[0] ?? failed.error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-11 items-center justify-center rounded-control bg-accent px-3 text-sm font-medium text-on-accent"
      >
        {pending ? t("mySchedule.sending") : submit}
      </button>
    </form>
  );
}

/** "Ask a question" and "Report an unavailability" on one of my shifts. Both work without JavaScript. */
export function ShiftActions({ shiftId, clientIds }: { shiftId: string; clientIds: [string, string] }) {
  const t = useTranslations();
  return (
    <div className="mt-2 flex flex-col gap-1">
      <details>
        <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-teal-800">
          {t("mySchedule.askQuestion")}
        </summary>
        <AskForm
          shiftId={shiftId}
          kind="SHIFT_QUESTION"
          clientId={clientIds[0]}
          label={t("mySchedule.yourQuestion")}
          submit={t("mySchedule.sendQuestion")}
        />
      </details>
      <details>
        <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-teal-800">
          {t("mySchedule.reportUnavailability")}
        </summary>
        <AskForm
          shiftId={shiftId}
          kind="UNAVAILABILITY_REPORT"
          clientId={clientIds[1]}
          label={t("mySchedule.reasonOptional")}
          submit={t("mySchedule.sendReport")}
        />
      </details>
    </div>
  );
}
