"use client";

import { useActionState, useState } from "react";
import { saveReplyAction } from "@/lib/replies/actions";
import type { SavedReplyRow } from "@/lib/replies/queries";
import { buttonClass } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";
import { useTranslations } from "@/lib/i18n/client";

const field = "mt-1 block w-full rounded-control border border-line bg-surface px-3 py-2 text-sm";

/** A new saved reply, or one edited: its title, whose it is (new ones), and its text in English, French or both. */
export function ReplyForm({ reply, mayShare }: { reply?: SavedReplyRow; mayShare: boolean }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(saveReplyAction, null);
  // A saved new reply empties the form for the next one (adjusted while rendering).
  const [key, setKey] = useState(0);
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state?.ok && !reply) setKey((k) => k + 1);
  }
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const prefix = reply ? `reply-${reply.id}` : "reply-new";
  return (
    <form key={key} action={action} className="space-y-3" noValidate>
      {reply ? <input type="hidden" name="id" value={reply.id} /> : null}
      {failed && !failed.fieldErrors ? <FormError message={failed.error} /> : null}
      <label className="block text-sm font-medium">
        {t("replies.titleField")}
        <input
          name="title"
          defaultValue={values.title ?? reply?.title ?? ""}
          maxLength={80}
          aria-invalid={Boolean(failed?.fieldErrors?.title)}
          aria-describedby={`${prefix}-title-error`}
          className={field}
        />
      </label>
      <FieldError id={`${prefix}-title-error`} messages={failed?.fieldErrors?.title} />
      {!reply && mayShare ? (
        <label className="block text-sm font-medium">
          {t("replies.scope")}
          <select name="scope" defaultValue={values.scope ?? "mine"} className={field}>
            <option value="mine">{t("replies.mine")}</option>
            <option value="shared">{t("replies.shared")}</option>
          </select>
        </label>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          {t("replies.bodyEn")}
          <textarea
            name="bodyEn"
            rows={4}
            lang="en"
            defaultValue={values.bodyEn ?? reply?.bodyEn ?? ""}
            aria-invalid={Boolean(failed?.fieldErrors?.bodyEn)}
            aria-describedby={`${prefix}-body-error`}
            className={field}
          />
        </label>
        <label className="block text-sm font-medium">
          {t("replies.bodyFr")}
          <textarea
            name="bodyFr"
            rows={4}
            lang="fr"
            defaultValue={values.bodyFr ?? reply?.bodyFr ?? ""}
            className={field}
          />
        </label>
      </div>
      <FieldError id={`${prefix}-body-error`} messages={failed?.fieldErrors?.bodyEn ?? failed?.fieldErrors?.bodyFr} />
      <button type="submit" aria-disabled={pending || undefined} className={buttonClass("primary", "sm")}>
        {reply ? t("replies.save") : t("replies.add")}
      </button>
      {state?.ok ? (
        <span role="status" className="ml-2 text-sm text-muted">
          {t("replies.saved")}
        </span>
      ) : null}
    </form>
  );
}
