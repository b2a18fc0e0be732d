import { requireStaffPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { StaffNav, type NavItem } from "@/components/staff-nav";
import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button";
import { LiveEvents } from "@/components/live/live-events";
import { latestEventId } from "@/lib/realtime/hub";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";
import { LanguageForm } from "@/components/language-form";
import { chatUnreadTotal } from "@/lib/chat/queries";
import { AppWorker } from "@/components/pwa/app-worker";
import { unreadBadge } from "@/lib/push/badge";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaffPage();
  const [org, after, t] = await Promise.all([
    getOrganization(user),
    latestEventId(user.organizationId),
    getTranslations(),
  ]);
  const [chatUnread, badge] = await Promise.all([
    org.chatEnabled ? chatUnreadTotal(user) : 0,
    unreadBadge(user, org.chatEnabled),
  ]);
  const items: NavItem[] = [
    // Without messaging rights a manager has no inbox and none of what hangs off it.
    ...(user.messagingAccess ? [{ href: "/inbox", label: t("nav.messaging") }] : []),
    // The Chat option is paid: when it is off the menu entry is gone (its data is kept).
    ...(org.chatEnabled ? [{ href: "/chat", label: t("nav.chat"), badge: chatUnread, countsChat: true }] : []),
    { href: "/schedule", label: t("nav.schedule") },
    { href: "/teammates", label: t("nav.teammates") },
    ...(user.messagingAccess ? [{ href: "/exports", label: t("nav.exports") }] : []),
    ...(user.role === "ADMIN" ? [{ href: "/settings", label: t("nav.settings") }] : []),
  ];
  const account = (
    <div className="absolute right-0 z-30 mt-1 w-64 rounded-lg border border-slate-200 bg-white p-3 shadow-lg md:static md:mt-0 md:w-auto md:rounded-none md:border-0 md:border-t md:px-3 md:pt-3 md:pb-0 md:shadow-none">
      <p className="truncate text-sm font-medium" data-testid="current-user">
        {user.firstName} {user.lastName}
      </p>
      <p className="mb-2 text-xs text-slate-600">{t(user.role === "ADMIN" ? "roles.ADMIN" : "roles.MANAGER")}</p>
      <Link href="/account" className="mb-2 block text-sm text-teal-800 underline-offset-2 hover:underline">
        {t("account.title")}
      </Link>
      <SignOutButton />
      <div className="mt-3">
        <LanguageForm current={isLocale(user.locale) ? user.locale : "en"} compact />
      </div>
    </div>
  );
  // From 768 px a sidebar; on a phone a top bar with the sections and an account menu.
  return (
    <LiveEvents after={after}>
      <div className="flex h-full flex-col md:flex-row">
        <aside className="flex shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-2 md:w-56 md:flex-col md:items-stretch md:border-r md:border-b-0 md:p-3">
          <div className="hidden px-3 md:mb-4 md:block">
            <p className="text-lg font-semibold text-teal-800">Shiftline</p>
            <p className="truncate text-xs text-slate-600">{org.name}</p>
          </div>
          <StaffNav items={items} selfId={user.id} />
          {/* One account block: a menu on a phone, always open in the sidebar (globals.css). */}
          <details className="account-menu relative ml-auto md:mt-auto md:ml-0">
            <summary className="flex min-h-11 cursor-pointer list-none items-center rounded-md px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 md:hidden">
              {t("nav.account")}
            </summary>
            {account}
          </details>
        </aside>
        <main id="main" tabIndex={-1} className="min-h-0 min-w-0 flex-1 outline-none">
          {children}
        </main>
        <AppWorker userId={user.id} role={user.role} unread={badge} />
      </div>
    </LiveEvents>
  );
}
