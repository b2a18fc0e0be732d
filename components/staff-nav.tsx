"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useChatUnread } from "@/components/chat/use-chat-unread";

export type NavItem = {
  href: string;
  label: string;
  badge?: number;
  /** The Chat entry: its badge follows chat live. */ countsChat?: boolean;
};

export function StaffNav({ items, selfId }: { items: NavItem[]; selfId: string }) {
  const pathname = usePathname();
  const t = useTranslations();
  const chat = items.find((i) => i.countsChat);
  const chatUnread = useChatUnread(chat?.badge ?? 0, Boolean(chat), selfId);
  return (
    <nav aria-label={t("nav.main")} className="flex min-w-0 gap-1 overflow-x-auto md:flex-col">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        const badge = item.countsChat ? chatUnread : item.badge;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`flex min-h-11 shrink-0 items-center justify-between rounded-md border-l-4 px-2 text-sm md:px-3 ${active ? "border-teal-700 bg-teal-50 font-semibold text-teal-900" : "border-transparent font-medium text-slate-700 hover:bg-slate-100"}`}
          >
            {item.label}
            {badge ? (
              <span
                aria-label={t("nav.unread", { count: badge })}
                data-testid={item.countsChat ? "chat-badge" : undefined}
                className="rounded-full bg-blue-600 px-2 text-xs text-white"
              >
                {badge}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
