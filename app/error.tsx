"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";

// A server error while drawing a page: said in words, with the reference an operator finds
// in the log (the request's id, and the error's digest, which the log line carries too).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  const [requestId, setRequestId] = useState<string | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- read once from the page the server drew
    setRequestId(document.querySelector<HTMLMetaElement>('meta[name="shiftline-request"]')?.content ?? null);
  }, []);
  const reference = [requestId, error.digest].filter(Boolean).join(" · ");
  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto flex min-h-full max-w-md flex-col items-center justify-center gap-3 p-8 text-center"
    >
      <h1 className="text-2xl font-semibold">{t("errorPage.title")}</h1>
      <p className="text-slate-600">{t("errorPage.text")}</p>
      {reference ? (
        <p className="text-sm text-slate-600" data-testid="error-reference">
          {t("errorPage.reference", { reference })}
        </p>
      ) : null}
      <button
        type="button"
        onClick={reset}
        className="min-h-11 rounded-control bg-accent px-4 font-medium text-on-accent"
      >
        {t("errorPage.retry")}
      </button>
    </main>
  );
}
