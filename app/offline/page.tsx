import type { Metadata } from "next";
import Link from "next/link";
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
      <p className="text-slate-700">{t("pwa.offlinePage.body")}</p>
      <Link href="/me" className="inline-flex min-h-11 items-center rounded-md bg-teal-700 px-4 font-medium text-white">
        {t("pwa.offlinePage.retry")}
      </Link>
    </main>
  );
}
