"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { deleteAssignmentAction } from "@/lib/schedule/actions";

/** "Delete assignment", after confirmation, with "Set the teammate as unavailable in this time slot". */
export function DeleteAssignmentForm({ messageId }: { messageId: string }) {
  const [state, action, pending] = useActionState(deleteAssignmentAction, null);
  const t = useTranslations();
  if (state?.ok) return <p className="mt-2 text-sm font-medium text-green-800">{state.summary}</p>;
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("thread.deleteConfirm"))) e.preventDefault();
      }}
      className="mt-2 space-y-2"
    >
      <input type="hidden" name="messageId" value={messageId} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="markUnavailable" /> {t("thread.setUnavailable")}
      </label>
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded-control border border-red-300 bg-white px-3 text-sm font-medium text-red-800 hover:bg-red-50"
      >
        {pending ? t("thread.deleting") : t("thread.deleteAssignment")}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
