import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { peekToken } from "@/lib/admin/tokens";
import { setPasswordAction } from "@/lib/auth/password-actions";
import { AuthCard } from "@/components/auth/auth-card";
import { PasswordForm } from "@/components/auth/password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("account.welcomeTitle") };
}

/** An invitation's link: the person chooses a password, then is signed in. */
export default async function WelcomePage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations()]);
  const who = await peekToken(token, "invite");
  return (
    <AuthCard title={t("account.welcomeTitle")}>
      {who ? (
        <>
          <p className="mb-4 text-sm text-slate-700">{t("account.welcomeText", { name: who.firstName, email: who.email })}</p>
          <PasswordForm action={setPasswordAction} hidden={{ token, purpose: "invite" }} submitLabel={t("account.setPassword")} />
        </>
      ) : (
        <p className="text-sm text-slate-700">
          {t("errors.link.expired")}{" "}
          <Link href="/reset-password" className="text-teal-800 underline">
            {t("account.askNewLink")}
          </Link>
        </p>
      )}
    </AuthCard>
  );
}
