"use client";

import { useId, useRef } from "react";
import { arrowTarget } from "./arrow-keys";

/**
 * A button that opens a small panel of actions (docs/design.md): the platform's `popover`
 * (top layer, Escape and a click outside close it, focus returns to the button), placed
 * under the button by CSS anchor positioning. Arrow keys move between its items. Items
 * are ordinary links and form buttons, so each works without this script's help.
 */
export function Menu({
  label,
  trigger,
  children,
  align = "end",
  className = "",
  testId,
}: {
  /** What the button says to a screen reader (and on hover when the trigger is an icon). */
  label: string;
  trigger: React.ReactNode;
  children: React.ReactNode;
  align?: "start" | "end";
  className?: string;
  testId?: string;
}) {
  const id = useId().replace(/[^a-zA-Z0-9-]/g, "");
  const panel = useRef<HTMLDivElement>(null);
  const anchor = `--menu-${id}`;
  const items = () => [
    ...(panel.current?.querySelectorAll<HTMLElement>("a[href], button:not([disabled]), input, select") ?? []),
  ];
  return (
    <>
      <button
        type="button"
        popoverTarget={`menu-${id}`}
        aria-label={label}
        title={label}
        data-testid={testId}
        style={{ anchorName: anchor } as React.CSSProperties}
        className={`inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center gap-1 rounded-control text-muted hover:bg-slate-100 hover:text-ink ${className}`}
      >
        {trigger}
      </button>
      <div
        ref={panel}
        id={`menu-${id}`}
        popover="auto"
        onToggle={(e) => {
          if ((e as unknown as ToggleEvent).newState === "open") items()[0]?.focus();
        }}
        onKeyDown={(e) => {
          const all = items();
          const at = all.indexOf(document.activeElement as HTMLElement);
          const to = arrowTarget(e.key, at, all.length);
          if (to === null || !all.length) return;
          e.preventDefault();
          all.at(to % all.length)?.focus();
        }}
        onClick={(e) => {
          // A link closes the menu; a form button keeps it open to show its outcome ("Export requested").
          const target = e.target as HTMLElement;
          if (target.closest("a[href], [data-closes]")) panel.current?.hidePopover();
        }}
        style={{ positionAnchor: anchor } as React.CSSProperties}
        className={`${menuPanelClass} ${align === "end" ? "menu-end" : "menu-start"}`}
      >
        {children}
      </div>
    </>
  );
}

/** The panel's look, for a menu that opens from more than one place (a message's actions). */
export const menuPanelClass =
  "menu-panel m-0 min-w-56 rounded-card border border-line bg-raised p-1 text-sm text-ink shadow-lg";

/** One row of a menu: give it a link or a button; it takes the row's full width and 44 px. */
export const menuItemClass =
  "flex min-h-11 w-full items-center gap-2 rounded-control px-3 text-left text-sm text-ink hover:bg-slate-100 focus-visible:bg-slate-100";
