import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasswordLink } from "@/components/auth/password-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("account.welcomeTitle") };
}

/** An invitation's link: the person chooses a password, then is signed in. */
export default async function WelcomePage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations()]);
  return <PasswordLink token={token} purpose="invite" title={t("account.welcomeTitle")} />;
}
