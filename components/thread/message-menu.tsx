"use client";

import { useTranslations } from "@/lib/i18n/client";
import { markUnreadAction } from "@/lib/inbox/actions";
import { ActionButton } from "@/components/ui/action-button";
import { menuItemClass } from "@/components/ui/menu";
import { MessagePopover } from "./message-popover";
import type { MessageMenuTarget } from "./message-menu-event";
import { ReviseItems } from "./revise-menu";

/**
 * One message's actions on a staff thread: "Mark unread from here" on a teammate's message,
 * and edit, delete and history where they apply (`ReviseItems`). Drawn by the staff thread
 * page only, once a menu is first asked for (`StaffMessageMenu`).
 */
export function MessageMenu({
  conversationId,
  listQuery,
  first,
}: {
  conversationId: string;
  listQuery: string;
  first: MessageMenuTarget;
}) {
  const t = useTranslations();
  return (
    <MessagePopover
      first={first}
      data-staff-only
      testId="message-menu"
      items={(target) => (
        <>
          {target.markUnread ? (
            <ActionButton
              action={markUnreadAction}
              fields={{ conversationId, fromSeq: String(target.seq), list: listQuery }}
              label={t("inbox.markUnreadFromHere")}
              className={menuItemClass}
              wide
            />
          ) : null}
          {target.revise ? <ReviseItems target={target.revise} anchor={target.anchor} /> : null}
        </>
      )}
    />
  );
}
