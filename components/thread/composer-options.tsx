"use client";

import { useTranslations } from "next-intl";

type Toggle = { checked: boolean; set: (on: boolean) => void };

/** Staff's choices for one message: urgent (it notifies in quiet hours), and a copy by SMS when it can go. */
export function ComposerOptions({
  urgent,
  sms,
}: {
  urgent?: Toggle;
  sms?: Toggle & { allowed: boolean; why?: string };
}) {
  const t = useTranslations();
  return (
    <>
      {urgent ? (
        <label className="mt-1 flex min-h-11 items-center gap-2 text-sm text-slate-800 sm:min-h-8">
          <input
            type="checkbox"
            name="urgent"
            value="on"
            checked={urgent.checked}
            onChange={(e) => urgent.set(e.target.checked)}
            className="h-5 w-5"
          />
          {t("thread.urgent")}
        </label>
      ) : null}
      {sms ? (
        <label
          className={`mt-1 flex min-h-11 items-center gap-2 text-sm sm:min-h-8 ${sms.allowed ? "text-slate-800" : "text-slate-500"}`}
        >
          <input
            type="checkbox"
            name="smsCopy"
            value="on"
            checked={sms.checked}
            disabled={!sms.allowed}
            onChange={(e) => sms.set(e.target.checked)}
            className="h-5 w-5"
          />
          {t("grouped.smsCopy")}
          {sms.why ? <span className="text-xs">({sms.why})</span> : null}
        </label>
      ) : null}
    </>
  );
}
