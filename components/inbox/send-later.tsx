"use client";

import { useActionState, useContext, useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { scheduleMessageAction } from "@/lib/inbox/actions";
import { formatDateTime } from "@/lib/text/format";
import { buttonClass } from "@/components/ui/button";
import { Menu } from "@/components/ui/menu";
import { Clock } from "@/components/ui/icons/clock";
import { ComposerToolsContext } from "@/components/thread/composer-context";

/**
 * "Send later" in a staff thread's reply box: a time in the organisation's zone (tomorrow 07:00
 * to start with), and Schedule, which posts the box's own form (its text, urgent, SMS copy) to
 * the scheduling action. Without JavaScript the panel is a popover still, and the form posts.
 * Staff pages hand this to the composer, so a teammate's page carries none of it.
 */
export function SendLater({ tomorrow, zone, timeZone }: { tomorrow: string; zone: string; timeZone: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const tools = useContext(ComposerToolsContext);
  const [state, action, pending] = useActionState(scheduleMessageAction, null);
  const [seen, setSeen] = useState(state);
  const panel = useRef<HTMLDivElement>(null);
  // Scheduled: the panel closes, as a menu does once its item is chosen.
  useEffect(() => {
    if (state?.ok) panel.current?.closest<HTMLElement>("[popover]")?.hidePopover();
  }, [state]);
  // A scheduled message leaves the box (adjusted while rendering, as a saved note does).
  if (seen !== state) {
    setSeen(state);
    if (state?.ok) tools?.clear();
  }
  const error =
    state && !state.ok ? (state.fieldErrors?.sendAt?.[0] ?? state.fieldErrors?.body?.[0] ?? state.error) : null;
  return (
    <>
      <Menu
        label={t("scheduled.sendLater")}
        align="start"
        trigger={<Clock aria-hidden="true" className="size-5" />}
        testId="send-later"
      >
        <div ref={panel} className="w-72 space-y-2 p-3" data-staff-only>
          <label className="block text-sm font-medium">
            {t("scheduled.when")}
            <input
              type="datetime-local"
              name="sendAt"
              defaultValue={tomorrow}
              className="mt-1 min-h-11 w-full rounded-control border border-line bg-surface px-2 text-sm"
              aria-describedby="send-later-zone"
            />
          </label>
          <p id="send-later-zone" className="text-xs text-muted">
            {t("scheduled.inZone", { zone })}
          </p>
          <button
            type="submit"
            data-schedule="1"
            formAction={action}
            disabled={pending}
            className={`${buttonClass("primary", "sm")} w-full`}
          >
            <Clock aria-hidden="true" className="size-4" />
            {pending ? t("scheduled.scheduling") : t("scheduled.schedule")}
          </button>
        </div>
      </Menu>
      <span role="status" className="contents">
        {state?.ok ? (
          <span className="text-xs text-muted" data-testid="scheduled-done">
            {t("scheduled.scheduledFor", { when: formatDateTime(new Date(state.sendAt), timeZone, locale) })}
          </span>
        ) : null}
        {error ? (
          <span className="text-xs text-danger" role="alert">
            {error}
          </span>
        ) : null}
      </span>
    </>
  );
}
