"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export type NavItem = { href: string; label: string; badge?: number };

export function StaffNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const t = useTranslations();
  return (
    <nav aria-label={t("nav.main")} className="flex flex-col gap-1">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`flex items-center justify-between rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-teal-50 text-teal-800" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {item.label}
            {item.badge ? <span className="rounded-full bg-blue-600 px-2 text-xs text-white">{item.badge}</span> : null}
          </Link>
        );
      })}
    </nav>
  );
}
