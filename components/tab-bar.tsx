"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type Tab = { href: string; label: string; badge?: number };

export function TabBar({ tabs }: { tabs: Tab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="fixed inset-x-0 bottom-0 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)]">
      <ul className="mx-auto flex max-w-lg">
        {tabs.map((t) => {
          const active = pathname === t.href || pathname.startsWith(`${t.href}/`);
          return (
            <li key={t.href} className="flex-1">
              <Link
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={`relative flex flex-col items-center py-3 text-sm font-medium ${active ? "text-teal-700" : "text-slate-600"}`}
              >
                {t.label}
                {/* The open tab's own badge is hidden: its screen shows what is new. */}
                {t.badge && !active ? (
                  <span aria-label={`${t.badge} unread`} className="absolute top-1 right-[22%] rounded-full bg-blue-600 px-1.5 text-xs text-white">
                    {t.badge}
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
