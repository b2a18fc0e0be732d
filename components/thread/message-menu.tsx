"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { markUnreadAction } from "@/lib/inbox/actions";
import { ActionButton } from "@/components/ui/action-button";
import { menuItemClass, menuPanelClass } from "@/components/ui/menu";

import { MESSAGE_MENU_EVENT, type MessageMenuTarget } from "./message-menu-event";

/**
 * One message's actions on a staff thread, in one popover the whole list shares: opened
 * by a message's ⋯ (hover), Enter on a focused message, a right click or a long press
 * (`openMessageMenu`). Focus goes back to the message when it closes. Drawn by the staff
 * thread page only.
 */
export function MessageMenu({ conversationId, listQuery }: { conversationId: string; listQuery: string }) {
  const t = useTranslations();
  const panel = useRef<HTMLDivElement>(null);
  const [target, setTarget] = useState<MessageMenuTarget | null>(null);
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
    el.querySelector<HTMLElement>("button")?.focus();
    return () => {
      target.anchor.style.removeProperty("anchor-name");
    };
  }, [target]);
  return (
    <div
      ref={panel}
      data-staff-only
      popover="auto"
      onToggle={(e) => {
        if ((e as unknown as ToggleEvent).newState !== "closed") return;
        const li = target?.anchor.closest<HTMLElement>("li[data-key]");
        setTarget(null);
        li?.focus();
      }}
      style={{ positionAnchor: "--message-menu" } as React.CSSProperties}
      className={`${menuPanelClass} menu-start`}
      data-testid="message-menu"
    >
      {target ? (
        <ActionButton
          action={markUnreadAction}
          fields={{ conversationId, fromSeq: String(target.seq), list: listQuery }}
          label={t("inbox.markUnreadFromHere")}
          className={menuItemClass}
          wide
        />
      ) : null}
    </div>
  );
}
