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
      {/* A plain link: the root not-found boundary's code loads with every page, and next/link there
          shipped a second copy of the router's link code to pages whose own chunks carry it. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a href="/" className="text-teal-700 underline">
        {t("notFound.back")}
      </a>
    </main>
  );
}
