import { requireTeammatePage } from "@/lib/auth/pages";
import { teammateUnreadCount } from "@/lib/inbox/queries";
import { getOrganization } from "@/lib/org/queries";
import { TabBar, type Tab } from "@/components/tab-bar";
import { LiveEvents } from "@/components/live/live-events";
import { latestEventId } from "@/lib/realtime/hub";
import { getTranslations } from "next-intl/server";
import { chatUnreadTotal } from "@/lib/chat/queries";
import { AppWorker } from "@/components/pwa/app-worker";
import { CalendarDays } from "@/components/ui/icons/calendar-days";
import { MessageCircle } from "@/components/ui/icons/message-circle";
import { MessagesSquare } from "@/components/ui/icons/messages-square";
import { UserRound } from "@/components/ui/icons/user-round";

export default async function TeammateLayout({ children }: { children: React.ReactNode }) {
  const user = await requireTeammatePage();
  const [org, unread, after, t] = await Promise.all([
    getOrganization(user),
    teammateUnreadCount(user),
    latestEventId(user.organizationId),
    getTranslations(),
  ]);
  const chatUnread = org.chatEnabled ? await chatUnreadTotal(user) : 0;
  const tabs: Tab[] = [
    {
      href: "/me/messages",
      also: "/me",
      label: t("nav.messages"),
      icon: <MessageCircle aria-hidden="true" />,
      badge: unread,
      countsInbox: true,
    },
    ...(org.chatEnabled
      ? [
          {
            href: "/me/chat",
            label: t("nav.chat"),
            icon: <MessagesSquare aria-hidden="true" />,
            badge: chatUnread,
            countsChat: true,
          },
        ]
      : []),
    { href: "/me/schedule", label: t("nav.schedule"), icon: <CalendarDays aria-hidden="true" /> },
    { href: "/me/profile", label: t("nav.profile"), icon: <UserRound aria-hidden="true" /> },
  ];
  return (
    <LiveEvents after={after}>
      <div className="mx-auto flex min-h-full w-full max-w-lg flex-col bg-canvas pb-[calc(4rem+env(safe-area-inset-bottom))]">
        <main id="main" tabIndex={-1} className="flex flex-1 flex-col outline-none">
          {children}
        </main>
        <TabBar tabs={tabs} selfId={user.id} />
        <AppWorker userId={user.id} role={user.role} unread={unread + chatUnread} />
      </div>
    </LiveEvents>
  );
}
