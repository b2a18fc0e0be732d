import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { homePath } from "@/lib/auth/roles";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("auth.signIn") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const user = await getCurrentUser();
  if (user) redirect(homePath(user.role, user.messagingAccess));
  const { callbackUrl, error } = await searchParams;
  const t = await getTranslations();
  return (
    <main id="main" tabIndex={-1} className="flex min-h-full items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="mb-6">
          <p className="text-lg font-semibold text-teal-800">{t("app.name")}</p>
          <h1 className="text-2xl font-semibold">{t("auth.signIn")}</h1>
        </div>
        <SignInForm
          callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined}
          initialError={error ? t("auth.wrongCredentials") : undefined}
        />
        <p className="mt-4 text-center text-sm">
          <Link href="/reset-password" className="text-teal-800 underline-offset-2 hover:underline">
            {t("account.forgot")}
          </Link>
        </p>
      </div>
    </main>
  );
}
