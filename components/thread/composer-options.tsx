"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { SlidersHorizontal } from "@/components/ui/icons/sliders-horizontal";
import { Menu } from "@/components/ui/menu";
import { COMPOSER_SENT_EVENT } from "./composer-sent";

const row = "flex min-h-11 items-center gap-3 rounded-control px-3 hover:bg-slate-100";

/**
 * Staff's choices for one message, behind one control: urgent (it notifies in quiet hours),
 * and a copy by SMS when it can go (`sms`). What is on shows beside the control, so it is
 * never a surprise. The checkboxes are fields of the composer's form (a popover is still
 * inside it), read when it sends, and post without JavaScript too. Staff pages hand this to
 * the composer, so a teammate's page carries none of it.
 */
export function ComposerOptions({
  urgent = false,
  sms,
}: {
  urgent?: boolean;
  sms?: { allowed: boolean; why?: string };
}) {
  const t = useTranslations();
  const [on, setOn] = useState({ urgent: false, sms: false });
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = box.current?.closest("form");
    const reset = () => setOn({ urgent: false, sms: false });
    form?.addEventListener(COMPOSER_SENT_EVENT, reset);
    return () => form?.removeEventListener(COMPOSER_SENT_EVENT, reset);
  }, []);
  if (!urgent && !sms) return null;
  const chosen = [on.urgent ? t("thread.urgent") : null, on.sms ? t("grouped.smsCopy") : null].filter(Boolean);
  return (
    <span ref={box} className="contents" data-staff-only>
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
              checked={on.urgent}
              onChange={(e) => setOn((o) => ({ ...o, urgent: e.target.checked }))}
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
              checked={on.sms}
              disabled={!sms.allowed}
              onChange={(e) => setOn((o) => ({ ...o, sms: e.target.checked }))}
            />
            <span>
              {t("grouped.smsCopy")}
              {sms.why ? <span className="block text-xs">{sms.why}</span> : null}
            </span>
          </label>
        ) : null}
      </Menu>
      {chosen.length ? (
        <span
          className="truncate rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent-ink"
          data-testid="composer-options-on"
        >
          {chosen.join(" · ")}
        </span>
      ) : null}
    </span>
  );
}
