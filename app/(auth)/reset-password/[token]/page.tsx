import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { peekToken } from "@/lib/admin/tokens";
import { setPasswordAction } from "@/lib/auth/password-actions";
import { AuthCard } from "@/components/auth/auth-card";
import { PasswordForm } from "@/components/auth/password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("account.resetTitle") };
}

/** A reset's link: a new password, then signed in (other devices are signed out). */
export default async function ResetWithLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations()]);
  const who = await peekToken(token, "reset");
  return (
    <AuthCard title={t("account.resetTitle")}>
      {who ? (
        <PasswordForm action={setPasswordAction} hidden={{ token, purpose: "reset" }} submitLabel={t("account.setPassword")} />
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
