"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setLocaleAction } from "@/lib/profile/actions";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

const LANGUAGE_NAMES = { en: "language.en", fr: "language.fr" } as const satisfies Record<Locale, string>;

/** The profile's language: a select and a button, so it works before JavaScript loads. */
export function LanguageForm({ current, compact = false }: { current: Locale; compact?: boolean }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(setLocaleAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <label className="text-sm font-medium">
        {t("language.label")}
        <select
          name="locale"
          defaultValue={current}
          className="mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(LANGUAGE_NAMES[l])}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100"
      >
        {t("language.save")}
      </button>
      {!compact ? <p className="w-full text-xs text-slate-500">{t("language.help")}</p> : null}
      {state && !state.ok ? (
        <p role="alert" className="w-full text-xs text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
