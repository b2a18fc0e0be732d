import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto flex min-h-full max-w-md flex-col items-center justify-center gap-3 p-8 text-center"
    >
      <h1 className="text-2xl font-semibold">{t("notFound.title")}</h1>
      <p className="text-slate-600">{t("notFound.text")}</p>
      <Link href="/" className="text-teal-700 underline">
        {t("notFound.back")}
      </Link>
    </main>
  );
}
