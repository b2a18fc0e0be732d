import type { Metadata } from "next";
import { OfflineRetry } from "./retry";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("pwa.offlinePage.title") };
}

/** What the service worker shows for a screen this device has not saved, when there is no network. */
export default async function OfflinePage() {
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 p-6 text-center">
      <h1 className="text-xl font-semibold">{t("pwa.offlinePage.title")}</h1>
      <p className="text-muted">{t("pwa.offlinePage.body")}</p>
      <OfflineRetry />
    </main>
  );
}
