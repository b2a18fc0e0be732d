"use client";

import { useRouter } from "next/navigation";

type LinkProps = Omit<React.AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { href: string };

/**
 * A link within Shiftline: a plain `<a>` that the app router follows without reloading the
 * page, and that asks for its page's data when a pointer or a finger comes to it (what a user
 * is about to open), not for every link on the screen. `next/link` did the same with 4.5 KB
 * more on every page (decision 017). A click with a modifier key, another button or a target
 * stays the browser's (a new tab, a download); without JavaScript it is an ordinary link.
 */
export function Link({ href, onClick, onPointerEnter, onTouchStart, onFocus, ...rest }: LinkProps) {
  const router = useRouter();
  const prefetch = () => {
    if (href.startsWith("/")) router.prefetch(href);
  };
  return (
    <a
      href={href}
      {...rest}
      onPointerEnter={(e) => {
        onPointerEnter?.(e);
        prefetch();
      }}
      onTouchStart={(e) => {
        onTouchStart?.(e);
        prefetch();
      }}
      onFocus={(e) => {
        onFocus?.(e);
        prefetch();
      }}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        if (rest.target && rest.target !== "_self") return;
        if (rest.download !== undefined || !href.startsWith("/")) return;
        e.preventDefault();
        router.push(href);
      }}
    />
  );
}
