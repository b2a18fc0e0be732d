import type { Metadata } from "next";
import { requireTeammatePage } from "@/lib/auth/pages";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/sign-out-button";
import { ChevronDown } from "@/components/ui/icons/chevron-down";
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
        <details className="group rounded-card border border-line bg-surface px-3">
          <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between font-medium text-accent-ink">
            {t("account.changePassword")}
            <ChevronDown aria-hidden="true" className="size-5 transition-transform group-open:rotate-180" />
          </summary>
          <div className="pb-3">
            <PasswordForm
              action={changePasswordAction}
              withCurrent
              submitLabel={t("account.changePassword")}
              doneMessage={t("account.passwordChanged")}
            />
          </div>
        </details>
        <div className="flex flex-wrap gap-2">
          <SignOutButton />
          <SignOutButton everywhere />
        </div>
      </div>
    </>
  );
}
