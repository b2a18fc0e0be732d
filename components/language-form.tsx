"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { setLocaleAction } from "@/lib/profile/actions";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { buttonClass } from "@/components/ui/button";

const LANGUAGE_NAMES = { en: "language.en", fr: "language.fr" } as const satisfies Record<Locale, string>;

/** The profile's language: a select and a button, so it works before JavaScript loads. */
export function LanguageForm({ current }: { current: Locale }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(setLocaleAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <label className="text-sm font-medium">
        {t("language.label")}
        <select
          name="locale"
          defaultValue={current}
          className="mt-1 block rounded-control border border-line bg-surface px-2 text-sm"
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(LANGUAGE_NAMES[l])}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending} className={buttonClass("secondary")}>
        {t("language.save")}
      </button>
      <p className="w-full text-xs text-muted">{t("language.help")}</p>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-xs text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
