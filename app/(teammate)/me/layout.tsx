import { requireTeammatePage } from "@/lib/auth/pages";
import { teammateUnreadCount } from "@/lib/inbox/queries";
import { getOrganization } from "@/lib/org/queries";
import { TabBar, type Tab } from "@/components/tab-bar";
import { LiveEvents } from "@/components/live/live-events";
import { latestEventId } from "@/lib/realtime/hub";

export default async function TeammateLayout({ children }: { children: React.ReactNode }) {
  const user = await requireTeammatePage();
  const [org, unread, after] = await Promise.all([getOrganization(user), teammateUnreadCount(user), latestEventId(user.organizationId)]);
  const tabs: Tab[] = [
    { href: "/me/messages", label: "Messages", badge: unread, countsInbox: true },
    ...(org.chatEnabled ? [{ href: "/me/chat", label: "Chat" }] : []),
    { href: "/me/schedule", label: "Schedule" },
    { href: "/me/profile", label: "Profile" },
  ];
  return (
    <LiveEvents after={after}>
      <div className="mx-auto flex min-h-full max-w-lg flex-col bg-white pb-16">
        {children}
        <TabBar tabs={tabs} />
      </div>
    </LiveEvents>
  );
}
