"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { useChatUnread } from "@/components/chat/use-chat-unread";
import { Badge } from "@/components/ui/badge";
import { Menu, menuItemClass } from "@/components/ui/menu";
import { useLiveEvent } from "@/components/live/live-events";
import { useState } from "react";

export type NavItem = {
  href: string;
  label: string;
  /** Drawn on the server (no icon code in the browser); the open entry thickens its stroke by CSS. */
  icon: React.ReactNode;
  badge?: number;
  /** The Chat entry: its badge follows chat live. */ countsChat?: boolean;
  /** The Messaging entry: its badge counts notes naming this manager, live. */ countsMentions?: boolean;
};

/** On a phone the bar shows this many sections; the rest and the account are under "More". */
const ON_PHONE = 4;

/**
 * Staff navigation: a sidebar from 768 px, a bottom bar of icons on a phone (never
 * scrolls sideways; a badge sits on its icon, clear of the label). `account` is the
 * account block, shown at the foot of the sidebar and at the end of the phone's "More".
 */
export function StaffNav({
  items,
  selfId,
  account,
  moreIcon,
}: {
  items: NavItem[];
  selfId: string;
  account: React.ReactNode;
  moreIcon: React.ReactNode;
}) {
  const pathname = usePathname();
  const t = useTranslations();
  const chat = items.find((i) => i.countsChat);
  const chatUnread = useChatUnread(chat?.badge ?? 0, Boolean(chat), selfId);
  const mentions = useMentions(items.find((i) => i.countsMentions)?.badge ?? 0);
  const isAt = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const rest = items.slice(ON_PHONE);
  return (
    <nav aria-label={t("nav.main")} className="flex min-w-0 flex-1 md:flex-col">
      <ul className="flex min-w-0 flex-1 md:flex-none md:flex-col md:gap-0.5">
        {items.map((item, i) => {
          const active = isAt(item.href);
          const badge = item.countsChat ? chatUnread : item.countsMentions ? mentions : (item.badge ?? 0);
          return (
            <li key={item.href} className={`min-w-0 flex-1 ${i >= ON_PHONE ? "hidden md:block" : ""}`}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`relative flex h-14 flex-col items-center [&>svg]:size-5 [&>svg]:shrink-0 [&>svg]:stroke-[1.75] aria-[current=page]:[&>svg]:stroke-[2.25] justify-center gap-0.5 rounded-control px-1 text-[0.6875rem] leading-tight md:h-10 md:flex-row md:justify-start md:gap-2.5 md:px-3 md:text-sm ${active ? "font-semibold text-accent-ink md:bg-accent-soft" : "font-medium text-muted hover:bg-slate-100 hover:text-ink"}`}
              >
                {item.icon}
                <span className="max-w-full truncate md:flex-1">{item.label}</span>
                {/* On a phone on the icon's shoulder, clear of the label; in the sidebar at the row's end. */}
                <span className="absolute top-1.5 left-1/2 ml-1 md:static md:ml-0 md:inline-flex">
                  <Badge
                    count={badge}
                    label={
                      item.countsMentions ? t("mention.badge", { count: badge }) : t("nav.unread", { count: badge })
                    }
                    testId={item.countsChat ? "chat-badge" : item.countsMentions ? "mention-badge" : undefined}
                  />
                </span>
              </Link>
            </li>
          );
        })}
        <li className="min-w-0 flex-1 md:hidden">
          <Menu
            label={t("nav.more")}
            trigger={
              <span className="flex h-14 flex-col items-center justify-center gap-0.5 text-[0.6875rem] font-medium [&>svg]:size-5 [&>svg]:stroke-[1.75]">
                {moreIcon}
                {t("nav.more")}
              </span>
            }
            className="w-full"
            testId="nav-more"
          >
            {rest.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className={menuItemClass}
                aria-current={isAt(item.href) ? "page" : undefined}
              >
                <span className="text-muted [&>svg]:size-4">{item.icon}</span>
                {item.label}
              </Link>
            ))}
            <div className={rest.length ? "mt-1 border-t border-line pt-1" : ""}>{account}</div>
          </Menu>
        </li>
      </ul>
    </nav>
  );
}

/** Notes naming this manager not read yet: one more as each arrives, the server's count once they read a thread. */
function useMentions(initial: number): number {
  const [count, setCount] = useState(initial);
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setCount(initial);
  }
  useLiveEvent("note.mentioned", () => setCount((c) => c + 1));
  useLiveEvent("mentions.seen", (p) => setCount(p.unseen));
  return count;
}
