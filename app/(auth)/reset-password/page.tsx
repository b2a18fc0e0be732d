import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetRequestForm } from "./reset-request-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("account.resetTitle") };
}

export default async function ResetPasswordPage() {
  const t = await getTranslations();
  return (
    <AuthCard title={t("account.resetTitle")}>
      <ResetRequestForm />
    </AuthCard>
  );
}
