"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useLiveEvent } from "@/components/live/live-events";
import { useChatUnread } from "@/components/chat/use-chat-unread";

export type Tab = {
  href: string;
  label: string;
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
      className="fixed inset-x-0 bottom-0 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)]"
    >
      <ul className="mx-auto flex max-w-lg">
        {tabs.map((tab) => {
          const active = isAt(tab);
          const badge = tab.countsInbox ? unread : tab.countsChat ? chatUnread : tab.badge;
          return (
            <li key={tab.href} className="flex-1">
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                // 4rem high: the thread's composer sits right on top of it. The open tab is marked by a bar and weight, not colour alone.
                className={`relative flex h-16 flex-col items-center justify-center border-t-4 text-sm ${active ? "border-teal-700 font-semibold text-teal-800" : "border-transparent font-medium text-slate-600"}`}
              >
                {tab.label}
                {/* The open tab's own badge is hidden: its screen shows what is new. */}
                {badge && !active ? (
                  <span
                    aria-label={t("nav.unread", { count: badge })}
                    data-testid={tab.countsChat ? "chat-badge" : "tab-badge"}
                    className="absolute top-1 right-[22%] rounded-full bg-blue-600 px-1.5 text-xs text-white"
                  >
                    {badge}
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
