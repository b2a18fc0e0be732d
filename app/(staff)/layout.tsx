import { requireStaffPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { StaffNav, type NavItem } from "@/components/staff-nav";
import { Link } from "@/components/ui/link";
import { SignOutButton } from "@/components/sign-out-button";
import { LiveEvents } from "@/components/live/live-events";
import { latestEventId } from "@/lib/realtime/hub";
import { getMessages, getTranslations } from "next-intl/server";
import { MoreMessages } from "@/lib/i18n/client";
import { staffClientMessages } from "@/lib/i18n/client-messages";
import { CalendarDays } from "@/components/ui/icons/calendar-days";
import { Download } from "@/components/ui/icons/download";
import { Inbox } from "@/components/ui/icons/inbox";
import { Menu as MenuIcon } from "@/components/ui/icons/menu";
import { MessagesSquare } from "@/components/ui/icons/messages-square";
import { Settings } from "@/components/ui/icons/settings";
import { UserRound } from "@/components/ui/icons/user-round";
import { Users } from "@/components/ui/icons/users";
import { Avatar } from "@/components/ui/avatar";
import { menuItemClass } from "@/components/ui/menu";
import { chatUnreadTotal } from "@/lib/chat/queries";
import { AppWorker } from "@/components/pwa/app-worker";
import { inboxUnread } from "@/lib/push/badge";
import { PresenceProvider } from "@/components/presence/presence";
import { StaffNotices } from "@/components/inbox/staff-notices";
import { unseenMentions } from "@/lib/inbox/mentions";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaffPage();
  const [org, after, t] = await Promise.all([
    getOrganization(user),
    latestEventId(user.organizationId),
    getTranslations(),
  ]);
  const [chatUnread, inbox, mentions] = await Promise.all([
    org.chatEnabled ? chatUnreadTotal(user) : 0,
    inboxUnread(user),
    user.messagingAccess ? unseenMentions(user) : 0,
  ]);
  const items: NavItem[] = [
    // Without messaging rights a manager has no inbox and none of what hangs off it.
    ...(user.messagingAccess
      ? [
          {
            href: "/inbox",
            label: t("nav.messaging"),
            icon: <Inbox aria-hidden="true" />,
            badge: mentions,
            countsMentions: true,
          },
        ]
      : []),
    // The Chat option is paid: when it is off the menu entry is gone (its data is kept).
    ...(org.chatEnabled
      ? [
          {
            href: "/chat",
            label: t("nav.chat"),
            icon: <MessagesSquare aria-hidden="true" />,
            badge: chatUnread,
            countsChat: true,
          },
        ]
      : []),
    { href: "/schedule", label: t("nav.schedule"), icon: <CalendarDays aria-hidden="true" /> },
    { href: "/teammates", label: t("nav.teammates"), icon: <Users aria-hidden="true" /> },
    ...(user.messagingAccess
      ? [{ href: "/exports", label: t("nav.exports"), icon: <Download aria-hidden="true" /> }]
      : []),
    ...(user.role === "ADMIN"
      ? [{ href: "/settings", label: t("nav.settings"), icon: <Settings aria-hidden="true" /> }]
      : []),
  ];
  const name = `${user.firstName} ${user.lastName}`;
  // Twice in the page (the sidebar's foot, the phone's "More"): only the sidebar's carries the test id.
  const account = (testId?: string) => (
    <div className="flex flex-col gap-1 p-1 md:p-0">
      <div className="flex items-center gap-2.5 px-2 py-1.5">
        <Avatar name={name} size="sm" />
        <div className="min-w-0">
          <p className="truncate text-sm font-medium" data-testid={testId}>
            {name}
          </p>
          <p className="text-xs text-muted">{t(user.role === "ADMIN" ? "roles.ADMIN" : "roles.MANAGER")}</p>
        </div>
      </div>
      <Link href="/account" className={menuItemClass}>
        <UserRound aria-hidden="true" className="size-4 text-muted" />
        {t("account.title")}
      </Link>
      <SignOutButton className={menuItemClass} />
    </div>
  );
  // From 768 px a sidebar; on a phone a bottom bar (hidden inside an open thread, which has its own way back).
  return (
    <LiveEvents after={after}>
      <MoreMessages messages={staffClientMessages(await getMessages())}>
        <div className="flex h-full flex-col md:flex-row">
          <aside className="staff-bar order-last flex shrink-0 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)] md:order-first md:w-56 md:flex-col md:border-t-0 md:border-r md:p-3">
            <div className="hidden px-3 md:mb-4 md:block">
              <p className="text-lg font-semibold text-accent-ink">Shiftline</p>
              <p className="truncate text-xs text-muted">{org.name}</p>
            </div>
            <StaffNav items={items} selfId={user.id} account={account()} moreIcon={<MenuIcon aria-hidden="true" />} />
            <div className="hidden border-t border-line pt-2 md:mt-auto md:block">{account("current-user")}</div>
          </aside>
          <main id="main" tabIndex={-1} className="min-h-0 min-w-0 flex-1 outline-none">
            {user.messagingAccess ? <PresenceProvider selfId={user.id}>{children}</PresenceProvider> : children}
          </main>
          <AppWorker userId={user.id} role={user.role} unread={inbox + chatUnread} />
          {user.messagingAccess ? <StaffNotices selfId={user.id} /> : null}
        </div>
      </MoreMessages>
    </LiveEvents>
  );
}
