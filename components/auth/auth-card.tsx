import { getTranslations } from "next-intl/server";

/** The signed-out pages' frame: sign-in, setting a password, a reset. */
export async function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <main id="main" tabIndex={-1} className="flex min-h-full items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="mb-6">
          <p className="text-lg font-semibold text-teal-800">{t("app.name")}</p>
          <h1 className="text-2xl font-semibold">{title}</h1>
        </div>
        {children}
      </div>
    </main>
  );
}
