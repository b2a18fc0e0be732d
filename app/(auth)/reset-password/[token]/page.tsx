import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasswordLink } from "@/components/auth/password-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("account.resetTitle") };
}

/** A reset's link: a new password, then signed in (other devices are signed out). */
export default async function ResetWithLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations()]);
  return <PasswordLink token={token} purpose="reset" title={t("account.resetTitle")} />;
}
