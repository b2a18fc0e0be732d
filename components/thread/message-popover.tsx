"use client";

import { useEffect, useRef, useState } from "react";
import { menuPanelClass } from "@/components/ui/menu";
import { MESSAGE_MENU_EVENT, type MessageMenuTarget } from "./message-menu-event";

/**
 * The one popover a thread's messages share for their actions, opened by `openMessageMenu`
 * at the message that asked. Focus goes to its first item, and back to the message when it
 * closes. `items` draws what applies to that message (nothing: it does not open).
 */
export function MessagePopover({
  items,
  testId,
  first,
  ...marker
}: {
  items: (target: MessageMenuTarget) => React.ReactNode;
  testId: string;
  /** The request that had this menu loaded (`OnFirstMenu`): shown as it mounts. */
  first: MessageMenuTarget;
  /** The staff page's menu carries `data-staff-only`: a test tells a teammate's page never loads it. */
  "data-staff-only"?: boolean;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const [target, setTarget] = useState<MessageMenuTarget | null>(first);
  useEffect(() => {
    const open = (e: Event) => setTarget((e as CustomEvent<MessageMenuTarget>).detail);
    window.addEventListener(MESSAGE_MENU_EVENT, open);
    return () => window.removeEventListener(MESSAGE_MENU_EVENT, open);
  }, []);
  useEffect(() => {
    const el = panel.current;
    if (!el || !target) return;
    target.anchor.style.setProperty("anchor-name", "--message-menu");
    el.showPopover();
    el.querySelector<HTMLElement>("button, a")?.focus();
    return () => {
      target.anchor.style.removeProperty("anchor-name");
    };
  }, [target]);
  return (
    <div
      ref={panel}
      {...marker}
      popover="auto"
      onToggle={(e) => {
        if ((e as unknown as ToggleEvent).newState !== "closed") return;
        const li = target?.anchor.closest<HTMLElement>("li[data-key]");
        setTarget(null);
        if (li?.isConnected && !document.querySelector("dialog[open]")) li.focus();
      }}
      style={{ positionAnchor: "--message-menu" } as React.CSSProperties}
      className={`${menuPanelClass} menu-start`}
      data-testid={testId}
    >
      {target ? items(target) : null}
    </div>
  );
}
