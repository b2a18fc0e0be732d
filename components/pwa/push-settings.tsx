"use client";

import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { setPushPreferencesAction } from "@/lib/push/actions";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";
import { devicePushState, subscribeDevice, unsubscribeDevice, type DevicePush } from "./push-device";

export type PushSettingsProps = {
  available: boolean;
  publicKey: string | null;
  enabled: boolean;
  /** "HH:MM" in the organisation's time zone, or "" when there are no quiet hours. */
  quietFrom: string;
  quietTo: string;
  timeZone: string;
};

const field = "mt-1 block min-h-11 rounded-md border border-slate-300 bg-white px-2 text-base";

/** Notifications: this device on or off, the account's switch, quiet hours. */
export function PushSettings(props: PushSettingsProps) {
  const t = useTranslations();
  return (
    <section aria-labelledby="push-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="push-heading" className="font-medium">
        {t("push.settings.title")}
      </h2>
      {props.available && props.publicKey ? (
        <DeviceSwitch publicKey={props.publicKey} />
      ) : (
        <p className="text-sm text-slate-700">{t("push.settings.unavailable")}</p>
      )}
      <AccountForm {...props} />
    </section>
  );
}

function DeviceSwitch({ publicKey }: { publicKey: string }) {
  const t = useTranslations();
  const [state, setState] = useState<DevicePush | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    void devicePushState().then(setState);
  }, []);
  if (state === null) return null;
  const explain = {
    unsupported: t("push.settings.unsupported"),
    "needs-install": t("push.settings.needsInstall"),
    denied: t("push.settings.denied"),
    off: t("push.settings.stateOff"),
    on: t("push.settings.stateOn"),
  }[state];
  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    try {
      if (state === "on") {
        await unsubscribeDevice();
        setState("off");
      } else {
        const result = await subscribeDevice(publicKey);
        setState(result.state);
        if (!result.ok && result.error) setError(result.error);
      }
    } catch {
      setError(t("push.settings.failed"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700" data-testid="push-device-state" data-state={state}>
        {explain}
      </p>
      {state === "on" || state === "off" ? (
        <Button
          type="button"
          variant={state === "on" ? "secondary" : "primary"}
          aria-disabled={busy || undefined}
          onClick={() => !busy && void toggle()}
        >
          {busy
            ? t("push.settings.working")
            : state === "on"
              ? t("push.settings.deviceOff")
              : t("push.settings.deviceOn")}
        </Button>
      ) : null}
      <FormError message={error} />
    </div>
  );
}

function AccountForm({ enabled: savedEnabled, quietFrom: savedFrom, quietTo: savedTo, timeZone }: PushSettingsProps) {
  const t = useTranslations();
  const [result, action, pending] = useActionState(setPushPreferencesAction, null);
  // Controlled: the form keeps what was typed after the action returns (React resets forms).
  const [enabled, setEnabled] = useState(savedEnabled);
  const [quiet, setQuiet] = useState(Boolean(savedFrom && savedTo));
  const [from, setFrom] = useState(savedFrom || "22:00");
  const [to, setTo] = useState(savedTo || "07:00");
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-3" noValidate>
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input
          type="checkbox"
          name="enabled"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
          className="h-5 w-5"
        />
        <span>
          <span className="block font-medium">{t("push.settings.account")}</span>
          <span className="block text-xs text-slate-600">{t("push.settings.accountHelp")}</span>
        </span>
      </label>
      <fieldset className="space-y-2">
        <legend className="sr-only">{t("push.settings.quiet")}</legend>
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input
            type="checkbox"
            name="quiet"
            checked={quiet}
            onChange={(e) => setQuiet(e.target.checked)}
            className="h-5 w-5"
          />
          <span>
            <span className="block font-medium">{t("push.settings.quiet")}</span>
            <span className="block text-xs text-slate-600">{t("push.settings.quietHelp", { zone: timeZone })}</span>
          </span>
        </label>
        {quiet ? (
          <div className="flex flex-wrap gap-4 pl-8">
            <label className="text-sm">
              {t("push.settings.from")}
              <input
                type="time"
                name="quietFrom"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
                aria-invalid={Boolean(errors?.quietFrom)}
                aria-describedby="quiet-from-error"
                className={field}
              />
              <FieldError id="quiet-from-error" messages={errors?.quietFrom} />
            </label>
            <label className="text-sm">
              {t("push.settings.to")}
              <input
                type="time"
                name="quietTo"
                value={to}
                onChange={(e) => setTo(e.target.value)}
                aria-invalid={Boolean(errors?.quietTo)}
                aria-describedby="quiet-to-error"
                className={field}
              />
              <FieldError id="quiet-to-error" messages={errors?.quietTo} />
            </label>
          </div>
        ) : null}
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" aria-disabled={pending || undefined}>
          {t("push.settings.save")}
        </Button>
        <p aria-live="polite" className="text-sm text-slate-700">
          {result?.ok && !pending ? t("push.settings.saved") : ""}
        </p>
      </div>
      {result && !result.ok && !result.fieldErrors ? <FormError message={result.error} /> : null}
    </form>
  );
}
