"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";

type InstallPrompt = Event & {
  prompt: () => Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
};

/** Where the browser offers to install the app (Chrome, Edge, Android), a button that asks it. */
export function InstallButton() {
  const t = useTranslations();
  const [prompt, setPrompt] = useState<InstallPrompt | null>(null);
  useEffect(() => {
    const offer = (e: Event) => {
      e.preventDefault();
      setPrompt(e as InstallPrompt);
    };
    const installed = () => setPrompt(null);
    window.addEventListener("beforeinstallprompt", offer);
    window.addEventListener("appinstalled", installed);
    return () => {
      window.removeEventListener("beforeinstallprompt", offer);
      window.removeEventListener("appinstalled", installed);
    };
  }, []);
  if (!prompt) return null;
  return (
    <div className="rounded-lg border border-teal-200 bg-teal-50 p-3">
      <p className="mb-2 text-sm text-teal-950">{t("pwa.installHelp")}</p>
      <Button
        type="button"
        onClick={() => {
          void prompt.prompt().then(() => prompt.userChoice.finally(() => setPrompt(null)));
        }}
      >
        {t("pwa.install")}
      </Button>
    </div>
  );
}
