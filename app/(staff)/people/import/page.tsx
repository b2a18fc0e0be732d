import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/pages";
import { IMPORT_COLUMNS } from "@/lib/admin/csv-import";
import { ImportForm } from "@/components/admin/import-form";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("import.title") };
}

export default async function ImportPage() {
  await requireStaffPage();
  const t = await getTranslations();
  return (
    <div className="max-w-4xl space-y-4 p-4 sm:p-6">
      <BackLink href="/teammates">{t("teammates.title")}</BackLink>
      <h1 className="text-xl font-semibold">{t("import.title")}</h1>
      <p className="text-sm text-slate-700">{t("import.help")}</p>
      <p className="text-sm text-slate-700">
        {t("import.columns")} <code className="rounded bg-slate-100 px-1 text-xs">{IMPORT_COLUMNS.join(", ")}</code>
      </p>
      <p className="text-xs text-slate-600">{t("import.columnsHelp")}</p>
      <ImportForm />
    </div>
  );
}
