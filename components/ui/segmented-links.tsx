"use client";

import { Link } from "@/components/ui/link";
import { useEffect, useState, type KeyboardEvent } from "react";
import { arrowTarget } from "./arrow-keys";

/**
 * A few views of one page as a segmented control of links (All / Mine / Unassigned). One Tab
 * stop once the script runs (the current view); the arrow keys move between them. Without
 * the script every link is a Tab stop of its own.
 */
export function SegmentedLinks({
  label,
  items,
}: {
  label: string;
  items: { href: string; label: string; current: boolean }[];
}) {
  const [roving, setRoving] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the arrow keys need the script: one Tab stop once it runs
  useEffect(() => setRoving(true), []);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const key = e.key === "ArrowLeft" ? "ArrowUp" : e.key === "ArrowRight" ? "ArrowDown" : e.key;
    const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>("a")];
    const to = arrowTarget(key, links.indexOf(document.activeElement as HTMLAnchorElement), links.length);
    if (to === null) return;
    e.preventDefault();
    links[Math.max(0, Math.min(to, links.length - 1))]?.focus();
  };
  return (
    <nav
      aria-label={label}
      onKeyDown={onKeyDown}
      className="flex rounded-control border border-line bg-canvas p-0.5 text-sm"
    >
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.current ? "page" : undefined}
          tabIndex={roving && !item.current ? -1 : undefined}
          className="flex min-h-11 flex-1 items-center justify-center rounded-[calc(var(--radius-control)-2px)] px-2 text-muted aria-[current=page]:bg-surface aria-[current=page]:font-medium aria-[current=page]:text-ink aria-[current=page]:shadow-sm sm:min-h-9"
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
