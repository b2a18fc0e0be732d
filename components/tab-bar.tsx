"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { useLiveEvent } from "@/components/live/live-events";
import { useChatUnread } from "@/components/chat/use-chat-unread";
import { Badge } from "@/components/ui/badge";

export type Tab = {
  href: string;
  label: string;
  /** Drawn on the server (no icon code in the browser); the open tab thickens its stroke by CSS. */
  icon: React.ReactNode;
  badge?: number;
  countsInbox?: boolean;
  /** The Chat tab: its badge follows chat live. */
  countsChat?: boolean;
  /** Another address of the same screen ("/me"). */
  also?: string;
};

/**
 * The teammate's bottom bar. The tab that `countsInbox` shows the unread messages
 * from the organisation: zero once that tab is open, one more for each message
 * that arrives while another tab is open.
 */
export function TabBar({ tabs, selfId }: { tabs: Tab[]; selfId: string }) {
  const pathname = usePathname();
  const t = useTranslations();
  const inbox = tabs.find((t) => t.countsInbox);
  const isAt = (tab: Tab) => pathname === tab.href || pathname.startsWith(`${tab.href}/`) || pathname === tab.also;
  const onInbox = Boolean(inbox && isAt(inbox));
  const [unread, setUnread] = useState(inbox?.badge ?? 0);
  if (onInbox && unread !== 0) setUnread(0);
  useLiveEvent("message.created", (p) => {
    if (p.message.fromStaff && !onInbox) setUnread((n) => n + 1);
  });
  const chat = tabs.find((t) => t.countsChat);
  const chatUnread = useChatUnread(chat?.badge ?? 0, Boolean(chat), selfId);
  return (
    <nav
      aria-label={t("nav.main")}
      className="fixed inset-x-0 bottom-0 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)]"
    >
      <ul className="mx-auto flex max-w-lg">
        {tabs.map((tab) => {
          const active = isAt(tab);
          const badge = tab.countsInbox ? unread : tab.countsChat ? chatUnread : (tab.badge ?? 0);
          return (
            <li key={tab.href} className="flex-1">
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                // 4rem high: the thread's composer sits right on top of it. The open tab is marked by weight and a filled icon stroke, not colour alone.
                className={`relative flex h-16 flex-col items-center justify-center gap-0.5 text-xs [&>svg]:size-6 [&>svg]:stroke-[1.75] aria-[current=page]:[&>svg]:stroke-[2.25] ${active ? "font-semibold text-accent-ink" : "font-medium text-muted"}`}
              >
                {tab.icon}
                {tab.label}
                {/* The open tab's own badge is hidden: its screen shows what is new. */}
                {!active ? (
                  <span className="absolute top-1.5 left-1/2 ml-1.5">
                    <Badge
                      count={badge}
                      label={t("nav.unread", { count: badge })}
                      testId={tab.countsChat ? "chat-badge" : "tab-badge"}
                    />
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
