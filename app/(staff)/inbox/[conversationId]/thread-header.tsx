"use client";

import { useState } from "react";
import { ArrowLeft } from "@/components/ui/icons/arrow-left";
import { CircleCheck } from "@/components/ui/icons/circle-check";
import { Circle } from "@/components/ui/icons/circle";
import { EllipsisVertical } from "@/components/ui/icons/ellipsis-vertical";
import { markProcessedAction } from "@/lib/inbox/actions";
import { useLiveEvent } from "@/components/live/live-events";
import type { ProcessedHistoryEntry } from "@/lib/inbox/processed";
import { formatDateTime } from "@/lib/text/format";
import { ActionButton } from "@/components/ui/action-button";
import { Avatar } from "@/components/ui/avatar";
import { buttonClass } from "@/components/ui/button";
import { IconLink } from "@/components/ui/icon-link";
import { Dialog } from "@/components/ui/dialog";
import { Menu, menuItemClass } from "@/components/ui/menu";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { PresenceAvatars } from "@/components/presence/thread-presence";
import { AssignMenuItems, OwnerLine } from "@/components/inbox/assignment";

type State = {
  processed: boolean;
  processedAt: Date | null;
  processedBy: string | null;
  history: ProcessedHistoryEntry[];
};

/**
 * The staff thread's one header line: the way back (phone), who, whether it is processed
 * ("Processed by … on …" with a check, or a quiet "Not processed": the resting state of
 * every thread, so no warning colour), the thread's one primary action (Mark as processed)
 * and an overflow menu with the rest (`menu`, then History). Kept current when another
 * manager (or the teammate's new message) changes the processed state.
 */
export function ThreadHeader({
  conversationId,
  name,
  heading,
  details,
  backHref,
  timeZone,
  menu,
  ...initial
}: State & {
  conversationId: string;
  name: string;
  /** The h2 (it takes focus when the thread opens). */
  heading: React.ReactNode;
  /** Contact details, shown at the top of the menu. */
  details: string;
  backHref: string;
  timeZone: string;
  menu: React.ReactNode;
}) {
  const [live, setLive] = useState<State | null>(null);
  // A newer server render (after this user's own click) wins over what events told.
  const newest = (s: State) => s.history[0]?.at.getTime() ?? 0;
  const { processed, processedAt, processedBy, history } = live && newest(live) > newest(initial) ? live : initial;
  const t = useTranslations();
  const locale = useLocale();
  useLiveEvent("thread.processed", (p) => {
    if (p.conversationId !== conversationId) return;
    const at = new Date(p.at);
    setLive({
      processed: p.processed,
      processedAt: p.processed ? at : null,
      processedBy: p.byFirstName,
      history: [{ processed: p.processed, at, by: p.byName }, ...history],
    });
  });
  return (
    <header
      data-thread-open
      className="flex items-center gap-1.5 border-b border-line bg-surface py-1.5 pr-1.5 pl-1 sm:gap-3 sm:pr-3 sm:pl-4"
    >
      <IconLink href={backHref} label={t("nav.backToContacts")} className="md:hidden">
        <ArrowLeft aria-hidden="true" className="size-5" />
      </IconLink>
      <span className="hidden sm:inline-flex">
        <Avatar name={name} />
      </span>
      <div className="min-w-0 flex-1">
        {heading}
        {/* One status line: processed or not, and whose the thread is (each shortened when space is short). */}
        <div className="flex min-w-0 items-center gap-2">
          <p
            role="status"
            data-testid="processed-banner"
            className="flex min-w-0 items-center gap-1 text-xs text-muted"
          >
            {processed ? (
              <CircleCheck aria-hidden="true" className="size-3.5 shrink-0 text-green-700" />
            ) : (
              <Circle aria-hidden="true" className="size-3.5 shrink-0" />
            )}
            <span className="truncate">
              {processed && processedAt
                ? processedBy
                  ? t("inbox.processedBy", { name: processedBy, date: formatDateTime(processedAt, timeZone, locale) })
                  : t("inbox.processedOn", { date: formatDateTime(processedAt, timeZone, locale) })
                : t("inbox.notProcessed")}
            </span>
          </p>
          <OwnerLine />
        </div>
      </div>
      <PresenceAvatars conversationId={conversationId} />
      <ActionButton
        action={markProcessedAction}
        fields={{ conversationId, processed: String(!processed) }}
        label={t(processed ? "inbox.markNotProcessed" : "inbox.markProcessed")}
        className={`${buttonClass(processed ? "ghost" : "primary", "sm")} whitespace-nowrap`}
      />
      <Menu
        label={t("thread.actions")}
        trigger={<EllipsisVertical aria-hidden="true" className="size-5" />}
        testId="thread-menu"
      >
        <p className="px-3 py-2 text-xs break-words text-muted">{details}</p>
        {menu}
        <AssignMenuItems />
        {history.length ? (
          <Dialog
            title={t("inbox.history")}
            closeLabel={t("common.close")}
            trigger={t("inbox.history")}
            triggerClassName={menuItemClass}
          >
            <ul className="space-y-1 text-sm" data-testid="processed-history">
              {history.map((h, i) => (
                <li key={i}>
                  {t(h.processed ? "inbox.processed" : "inbox.notProcessed")} · {h.by ?? t("inbox.historyByTeammate")} ·{" "}
                  {formatDateTime(h.at, timeZone, locale)}
                </li>
              ))}
            </ul>
          </Dialog>
        ) : null}
      </Menu>
    </header>
  );
}
