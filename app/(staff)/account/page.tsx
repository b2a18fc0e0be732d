import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/pages";
import { changePasswordAction } from "@/lib/account/password-actions";
import { PasswordForm } from "@/components/auth/password-form";
import { SignOutButton } from "@/components/sign-out-button";
import { NotificationSettings } from "@/components/pwa/notification-settings";
import { InstallButton } from "@/components/pwa/install-button";
import { LanguageForm } from "@/components/language-form";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/components/ui/link";
import { Zap } from "@/components/ui/icons/zap";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("account.title") };
}

/** A staff user's own account: their password, signing out everywhere. */
export default async function AccountPage() {
  const user = await requireStaffPage();
  const t = await getTranslations();
  return (
    <div className="max-w-md space-y-6 p-4 sm:p-6">
      <h1 className="text-xl font-semibold">{t("account.title")}</h1>
      <p className="text-sm text-slate-700">
        {user.firstName} {user.lastName} · {user.email}
      </p>
      <section className="rounded-card border border-line bg-surface p-4">
        <h2 className="mb-3 font-medium">{t("account.changePassword")}</h2>
        <PasswordForm
          action={changePasswordAction}
          withCurrent
          submitLabel={t("account.changePassword")}
          doneMessage={t("account.passwordChanged")}
        />
      </section>
      {user.messagingAccess ? (
        <Link
          href="/settings/replies"
          className="flex min-h-11 items-start gap-3 rounded-card border border-line bg-surface p-3 hover:bg-slate-100"
        >
          <Zap aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-accent-ink" />
          <span>
            <span className="block text-sm font-medium">{t("replies.title")}</span>
            <span className="block text-xs text-muted">{t("settings.repliesHelp")}</span>
          </span>
        </Link>
      ) : null}
      <InstallButton />
      <NotificationSettings user={user} />
      <section className="rounded-card border border-line bg-surface p-4">
        <LanguageForm current={isLocale(user.locale) ? user.locale : "en"} />
      </section>
      <div className="flex flex-wrap gap-2">
        <SignOutButton />
        <SignOutButton everywhere />
      </div>
    </div>
  );
}
