import type { Metadata } from "next";
import { requireAdminPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { formatDateTime } from "@/lib/text/format";
import { getLocale, getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("settings.title") };
}

export default async function SettingsPage() {
  const user = await requireAdminPage();
  const [org, t] = await Promise.all([getOrganization(user), getTranslations()]);
  const locale = await getLocale();
  return (
    <div className="max-w-2xl space-y-6 p-4 sm:p-6">
      <h1 className="text-xl font-semibold">{t("settings.title")}</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-medium">{t("settings.organisation")}</h2>
        <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">{t("settings.name")}</dt>
          <dd>{org.name}</dd>
          <dt className="text-slate-500">{t("settings.timeZone")}</dt>
          <dd>{org.timeZone}</dd>
        </dl>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-medium">{t("settings.chatOption")}</h2>
        <p className="mt-1 text-sm text-slate-600">
          {t("settings.chatPrice", { price: org.chatPricePerSeatCents / 100 })}{" "}
          {org.chatEnabled && org.chatEnabledAt
            ? t("settings.chatEnabledSince", { date: formatDateTime(org.chatEnabledAt, org.timeZone, locale) })
            : t("settings.chatNotEnabled")}
        </p>
      </section>
    </div>
  );
}
