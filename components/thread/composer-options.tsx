"use client";

import { useTranslations } from "next-intl";
import { SlidersHorizontal } from "lucide-react";
import { Menu } from "@/components/ui/menu";

type Toggle = { checked: boolean; set: (on: boolean) => void };

const row = "flex min-h-11 items-center gap-3 rounded-control px-3 hover:bg-slate-100";

/**
 * Staff's choices for one message, behind one control: urgent (it notifies in quiet hours),
 * and a copy by SMS when it can go. What is on shows beside the control, so it is never a
 * surprise. The checkboxes stay in the form (a popover is still inside it): they post
 * without JavaScript too.
 */
export function ComposerOptions({
  urgent,
  sms,
}: {
  urgent?: Toggle;
  sms?: Toggle & { allowed: boolean; why?: string };
}) {
  const t = useTranslations();
  if (!urgent && !sms) return null;
  const on = [urgent?.checked ? t("thread.urgent") : null, sms?.checked ? t("grouped.smsCopy") : null].filter(Boolean);
  return (
    <>
      <Menu
        label={t("thread.options")}
        align="start"
        trigger={<SlidersHorizontal aria-hidden="true" className="size-5" />}
        testId="composer-options"
      >
        {urgent ? (
          <label className={row}>
            <input
              type="checkbox"
              name="urgent"
              value="on"
              checked={urgent.checked}
              onChange={(e) => urgent.set(e.target.checked)}
            />
            {t("thread.urgent")}
          </label>
        ) : null}
        {sms ? (
          <label className={`${row} ${sms.allowed ? "" : "text-muted"}`}>
            <input
              type="checkbox"
              name="smsCopy"
              value="on"
              checked={sms.checked}
              disabled={!sms.allowed}
              onChange={(e) => sms.set(e.target.checked)}
            />
            <span>
              {t("grouped.smsCopy")}
              {sms.why ? <span className="block text-xs">{sms.why}</span> : null}
            </span>
          </label>
        ) : null}
      </Menu>
      {on.length ? (
        <span
          className="truncate rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent-ink"
          data-testid="composer-options-on"
        >
          {on.join(" · ")}
        </span>
      ) : null}
    </>
  );
}
