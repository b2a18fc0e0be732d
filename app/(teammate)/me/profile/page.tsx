import type { Metadata } from "next";
import { requireTeammatePage } from "@/lib/auth/pages";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/sign-out-button";
import { LanguageForm } from "@/components/language-form";
import { isLocale } from "@/lib/i18n/locales";
import { PasswordForm } from "@/components/auth/password-form";
import { changePasswordAction } from "@/lib/account/password-actions";
import { NotificationSettings } from "@/components/pwa/notification-settings";
import { InstallButton } from "@/components/pwa/install-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("profile.title") };
}

export default async function ProfilePage() {
  const user = await requireTeammatePage();
  const t = await getTranslations();
  return (
    <>
      <header className="border-b border-slate-200 px-4 py-3">
        <h1 className="text-lg font-semibold">{t("profile.title")}</h1>
      </header>
      <div className="space-y-4 p-4">
        <div>
          <p className="font-medium" data-testid="current-user">
            {user.firstName} {user.lastName}
          </p>
          <p className="text-sm text-slate-600">{user.email}</p>
        </div>
        <InstallButton />
        <NotificationSettings user={user} />
        <LanguageForm current={isLocale(user.locale) ? user.locale : "en"} />
        <details className="rounded-lg border border-slate-200 p-3">
          <summary className="flex min-h-11 cursor-pointer items-center font-medium">
            {t("account.changePassword")}
          </summary>
          <div className="mt-2">
            <PasswordForm
              action={changePasswordAction}
              withCurrent
              submitLabel={t("account.changePassword")}
              doneMessage={t("account.passwordChanged")}
            />
          </div>
        </details>
        <SignOutButton />
        <SignOutButton everywhere />
      </div>
    </>
  );
}
