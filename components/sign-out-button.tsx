"use client";

import { useTranslations } from "@/lib/i18n/client";
import { signOutAction, signOutEverywhereAction } from "@/lib/account/actions";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClass } from "@/components/ui/button";
import { clearDrafts } from "@/components/thread/device-drafts";
import { forgetDevice } from "@/components/pwa/app-worker";
import { dropDeviceSubscription } from "@/components/pwa/push-registration";

/** Signing out also forgets what this device kept (drafts, unsent messages, saved pages) and its push subscription. */
export function SignOutButton({ className = "", everywhere = false }: { className?: string; everywhere?: boolean }) {
  const t = useTranslations();
  return (
    <ActionButton
      action={everywhere ? signOutEverywhereAction : signOutAction}
      fields={{}}
      label={t(everywhere ? "auth.signOutEverywhere" : "auth.signOut")}
      className={className || buttonClass("secondary")}
      wide={Boolean(className)}
      onSubmit={() => {
        clearDrafts();
        void forgetDevice();
        void dropDeviceSubscription();
      }}
    />
  );
}
