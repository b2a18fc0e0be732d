"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { markUnreadAction } from "@/lib/inbox/actions";
import { ActionButton } from "@/components/ui/action-button";
import { menuItemClass } from "@/components/ui/menu";

export type MessageMenuTarget = { seq: number; anchor: HTMLElement };

/**
 * One message's actions on a staff thread, in one popover the whole list shares: opened
 * by a message's ⋯ (hover), Enter on a focused message, a right click or a long press.
 * Focus goes back to the message when it closes.
 */
export function MessageMenu({
  target,
  onClose,
  conversationId,
  listQuery,
}: {
  target: MessageMenuTarget | null;
  onClose: () => void;
  conversationId: string;
  listQuery: string;
}) {
  const t = useTranslations();
  const panel = useRef<HTMLDivElement>(null);
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
      popover="auto"
      onToggle={(e) => {
        if ((e as unknown as ToggleEvent).newState !== "closed") return;
        const li = target?.anchor.closest<HTMLElement>("li[data-key]");
        onClose();
        li?.focus();
      }}
      style={{ positionAnchor: "--message-menu" } as React.CSSProperties}
      className="menu-panel menu-start m-0 min-w-56 rounded-card border border-line bg-raised p-1 text-sm text-ink shadow-lg"
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
