"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { remindBatchAction } from "@/lib/inbox/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field-error";
import { Bell } from "@/components/ui/icons/bell";

/** One click: a reminder to each recipient who has not read (or confirmed) the grouped message. */
export function RemindForm({
  batchId,
  waiting,
  askConfirm,
  smsCopy,
}: {
  batchId: string;
  waiting: number;
  askConfirm: boolean;
  /** The batch went by SMS too: offered again for the reminder. */
  smsCopy: boolean;
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(remindBatchAction, null);
  return (
    <form action={action} className="space-y-2 rounded-card border border-line bg-surface p-3" data-testid="remind">
      <input type="hidden" name="batchId" value={batchId} />
      {state && !state.ok ? <FormError message={state.error} /> : null}
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="sms" value="on" defaultChecked={smsCopy} className="h-5 w-5" />
        {t("grouped.remindSms")}
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || waiting === 0}>
          <Bell aria-hidden="true" className="size-4" />
          {askConfirm
            ? t("grouped.remindUnconfirmed", { count: waiting })
            : t("grouped.remindUnread", { count: waiting })}
        </Button>
        {state?.ok ? (
          <span role="status" className="text-sm text-muted">
            {t("grouped.reminded", { count: state.count })}
          </span>
        ) : null}
      </div>
    </form>
  );
}
