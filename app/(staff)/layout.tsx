import { requireStaffPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { StaffNav, type NavItem } from "@/components/staff-nav";
import { SignOutButton } from "@/components/sign-out-button";
import { LiveEvents } from "@/components/live/live-events";
import { latestEventId } from "@/lib/realtime/hub";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";
import { LanguageForm } from "@/components/language-form";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaffPage();
  const [org, after, t] = await Promise.all([getOrganization(user), latestEventId(user.organizationId), getTranslations()]);
  const items: NavItem[] = [
    { href: "/inbox", label: t("nav.messaging") },
    // The Chat option is paid: when it is off the menu entry is gone (its data is kept).
    ...(org.chatEnabled ? [{ href: "/chat", label: t("nav.chat") }] : []),
    { href: "/schedule", label: t("nav.schedule") },
    { href: "/teammates", label: t("nav.teammates") },
    ...(user.role === "ADMIN" ? [{ href: "/settings", label: t("nav.settings") }] : []),
  ];
  return (
    <LiveEvents after={after}>
      <div className="flex h-full">
        <aside className="flex w-56 shrink-0 flex-col border-r border-slate-200 bg-white p-3">
          <div className="mb-4 px-3">
            <p className="text-lg font-semibold text-teal-800">Shiftline</p>
            <p className="truncate text-xs text-slate-500">{org.name}</p>
          </div>
          <StaffNav items={items} />
          <div className="mt-auto border-t border-slate-200 px-3 pt-3">
            <p className="truncate text-sm font-medium" data-testid="current-user">
              {user.firstName} {user.lastName}
            </p>
            <p className="mb-2 text-xs text-slate-500">{t(user.role === "ADMIN" ? "roles.ADMIN" : "roles.MANAGER")}</p>
            <SignOutButton />
            <div className="mt-3">
              <LanguageForm current={isLocale(user.locale) ? user.locale : "en"} compact />
            </div>
          </div>
        </aside>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </LiveEvents>
  );
}
