"use client";

import { createContext, useActionState, useContext, useState } from "react";
import { assignThreadAction } from "@/lib/inbox/actions";
import { useLiveEvent } from "@/components/live/live-events";
import { ActionButton } from "@/components/ui/action-button";
import { menuItemClass } from "@/components/ui/menu";
import { buttonClass } from "@/components/ui/button";
import { UserRound } from "@/components/ui/icons/user-round";
import { ComposerGuardContext } from "@/components/thread/composer-guard";
import { formatDateTime } from "@/lib/text/format";
import { useLocale, useTranslations } from "@/lib/i18n/client";

type Person = { id: string; name: string; firstName: string };
export type Owner = { assignee: Person | null; assignedAt: Date | null };

const OwnerContext = createContext<{
  conversationId: string;
  owner: Owner;
  selfId: string;
  staff: Person[];
  timeZone: string;
} | null>(null);

/**
 * Who owns the open thread, kept current by live events (another manager assigns it), for
 * the header's line and menu and for the reply box, which asks once before answering in a
 * colleague's thread.
 */
export function AssignmentProvider({
  conversationId,
  selfId,
  initial,
  staff,
  timeZone,
  children,
}: {
  conversationId: string;
  selfId: string;
  initial: Owner;
  /** Who it can be given to: managers with messaging. */
  staff: Person[];
  timeZone: string;
  children: React.ReactNode;
}) {
  const [owner, setOwner] = useState(initial);
  // A newer server render (this user's own action, a navigation) replaces what events told.
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setOwner(initial);
  }
  useLiveEvent("thread.assigned", (p) => {
    if (p.conversationId === conversationId)
      setOwner({ assignee: p.assignee, assignedAt: p.assignee ? new Date(p.at) : null });
  });
  const other = owner.assignee && owner.assignee.id !== selfId ? owner.assignee.firstName : null;
  return (
    <OwnerContext value={{ conversationId, owner, selfId, staff, timeZone }}>
      <ComposerGuardContext value={other}>{children}</ComposerGuardContext>
    </OwnerContext>
  );
}

/** "Assigned to Mia Manager since 6 Dec, 20:10", "Assigned to you since …" or "Unassigned". */
export function OwnerLine() {
  const t = useTranslations();
  const locale = useLocale();
  const ctx = useContext(OwnerContext);
  if (!ctx) return null;
  const { owner, selfId, timeZone } = ctx;
  const date = owner.assignedAt ? formatDateTime(owner.assignedAt, timeZone, locale) : "";
  return (
    <p data-testid="owner-banner" className="flex min-w-0 items-center gap-1 text-xs text-muted">
      <UserRound aria-hidden="true" className="size-3.5 shrink-0" />
      <span className="truncate">
        {!owner.assignee
          ? t("assign.unassigned")
          : owner.assignee.id === selfId
            ? t("assign.assignedToYou", { date })
            : t("assign.assignedTo", { name: owner.assignee.name, date })}
      </span>
    </p>
  );
}

/** The header menu's assignment items: to me, to a colleague, or to no one. Work without JavaScript. */
export function AssignMenuItems() {
  const t = useTranslations();
  const ctx = useContext(OwnerContext);
  const [state, assign, pending] = useActionState(assignThreadAction, null);
  if (!ctx) return null;
  const { conversationId, owner, selfId, staff } = ctx;
  const others = staff.filter((p) => p.id !== owner.assignee?.id);
  return (
    <div className="border-t border-line py-1" data-testid="assign-menu">
      {owner.assignee?.id !== selfId ? (
        <ActionButton
          action={assignThreadAction}
          fields={{ conversationId, assigneeId: selfId }}
          label={t("assign.assignToMe")}
          className={menuItemClass}
          wide
        />
      ) : null}
      {owner.assignee ? (
        <ActionButton
          action={assignThreadAction}
          fields={{ conversationId, assigneeId: "" }}
          label={t("assign.unassign")}
          className={menuItemClass}
          wide
        />
      ) : null}
      {others.length ? (
        <form action={assign} className="flex items-end gap-2 px-3 py-2">
          <input type="hidden" name="conversationId" value={conversationId} />
          <label className="min-w-0 flex-1 text-xs text-muted">
            {t("assign.assignTo")}
            <select
              name="assigneeId"
              required
              defaultValue=""
              className="mt-0.5 block min-h-11 w-full rounded-control border border-line bg-surface px-2 text-sm text-ink sm:min-h-9"
            >
              <option value="" disabled>
                {t("assign.choose")}
              </option>
              {others.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id === selfId ? `${p.name} (${t("assign.you")})` : p.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" aria-disabled={pending || undefined} className={buttonClass("secondary", "sm")}>
            {t("assign.assign")}
          </button>
        </form>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="px-3 pb-2 text-xs text-danger">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
