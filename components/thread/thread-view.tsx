"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { fromWire, noteFromWire, type ThreadMessage, type ThreadNote } from "@/lib/conversations/wire";
import type { ShiftAction } from "@/lib/conversations/shift-action";
import type { WireMessage, WireNote } from "@/lib/realtime/event-types";
import { useLiveEvent, useSafeRefresh } from "@/components/live/live-events";
import { isOwn, MessageList, type Side } from "./message-list";
import { Composer } from "./composer";
import type { ComposerNotice } from "./composer-notice";
import { useReadReporter } from "./read-reporter";
import { useThreadScroll } from "./use-thread-scroll";
import { connectivity } from "@/components/live/connectivity";
import { ArrowDown } from "@/components/ui/icons/arrow-down";
import { OnFirstMenu } from "./on-first-menu";
import { seedDateLabels, type DateLabels } from "@/lib/text/format";

const reviseMenu = () => import("./revise-menu");

const byId = <T extends { id: string }>(items: T[]): T[] => [...new Map(items.map((x) => [x.id, x])).values()];

/**
 * An open conversation kept current from live events: a new message or note is
 * appended from the event's data, a staff action patches its card. A gap in the
 * sequence numbers (something was missed) re-syncs the page from the server.
 * It opens at the newest message; scrolled up, a marker says what arrived below;
 * "Show earlier messages" pages back and keeps the reader's place.
 */
export function ThreadView({
  conversationId,
  messages,
  notes = [],
  hasEarlier = false,
  goneShiftIds = [],
  timeZone,
  selfId,
  staff,
  composer,
  openedAt,
  chat = false,
  joinOnOpen = false,
  focus,
  revise,
  dates,
}: {
  conversationId: string;
  messages: ThreadMessage[];
  notes?: ThreadNote[];
  /** Older messages exist before the first one given. */
  hasEarlier?: boolean;
  /** Shifts of these messages the teammate is no longer on. */
  goneShiftIds?: string[];
  timeZone: string;
  /** A teammate's own id: their messages sit on their side. Staff pages put the organisation's messages on theirs. */
  selfId?: string;
  staff: boolean;
  composer: {
    clientId: string;
    placeholder?: string;
    notice?: ComposerNotice;
    /** Staff: the message's options (`ComposerOptions`: urgent, SMS copy). */
    options?: React.ReactNode;
    /** Staff: a note's tools (`MentionPicker`). */
    noteTools?: React.ReactNode;
    /** Staff: who else is typing here (`TypingLine`). */
    status?: React.ReactNode;
  };
  /** When the server rendered this page (ISO). */
  openedAt: string;
  /** A chat conversation: everyone's own messages on their side, no private notes, no SMS. */
  chat?: boolean;
  /** A public conversation the reader has not joined: opening it joins (the read report does). */
  joinOnOpen?: boolean;
  /** A search's result: open at this message (its seq) or note, marked; older pages load until it is there. */
  focus?: { seq?: number; noteId?: string };
  /** Editing and deleting: whether the reader is an admin (deletes anyone's message), and the organisation's edit window. */
  revise: { admin: boolean; editWindowMinutes: number };
  /** The page's dates as the server wrote them (`threadDateLabels`): drawn without building Intl objects in the browser. */
  dates?: DateLabels;
}) {
  // Before the list draws (a child of this): kept for the page's life, for its first messages' dates.
  seedDateLabels(dates);
  const refresh = useSafeRefresh();
  const t = useTranslations();
  const [live, setLive] = useState<ThreadMessage[]>([]);
  const [liveNotes, setLiveNotes] = useState<ThreadNote[]>([]);
  const [actions, setActions] = useState<Record<string, ShiftAction>>({});
  // Messages edited or deleted since the page was drawn, as they now read (events arrive in order: the latest wins).
  const [revised, setRevised] = useState<Record<string, ThreadMessage>>({});
  // Grouped messages' copies confirmed since (their reader tapped Confirm, here or on another device).
  const [confirmed, setConfirmed] = useState<Record<string, string>>({});
  // Pages loaded by scrolling back, with what the page showed then (a refresh moves the newest page on).
  const [earlier, setEarlier] = useState<{
    messages: ThreadMessage[];
    notes: ThreadNote[];
    gone: string[];
    more: boolean;
    loading: boolean;
    failed: boolean;
  }>({
    messages: [],
    notes: [],
    gone: [],
    more: hasEarlier,
    loading: false,
    failed: false,
  });

  // The page's messages win over copies kept from live events or earlier pages (they are newer reads).
  const shown = byId([...earlier.messages, ...live, ...messages])
    .sort((a, b) => a.seq - b.seq)
    .map((m) => (revised[m.id] && !m.deleted ? { ...revised[m.id]!, action: m.action } : m))
    .map((m) => (actions[m.id] ? { ...m, action: actions[m.id]! } : m))
    .map((m) => (m.confirm && !m.confirm.at && confirmed[m.id] ? { ...m, confirm: { at: confirmed[m.id]! } } : m));
  const shownNotes = byId([...earlier.notes, ...liveNotes, ...notes]);
  const deletedLive = shown.flatMap((m) =>
    actions[m.id]?.kind === "assignmentDeleted" && m.shift ? [m.shift.id] : [],
  );
  const latestSeq = shown.at(-1)?.seq ?? 0;
  const side: Side = staff && !chat ? "staff" : { userId: selfId ?? "" };
  const mine = (m: ThreadMessage) => isOwn(m, side);
  const newest = shown.at(-1);
  const newestNote = shownNotes.at(-1);
  const lastIsNote = Boolean(newestNote && (!newest || newestNote.createdAt >= newest.createdAt));
  const pane = useRef<HTMLDivElement>(null);
  const scroll = useThreadScroll(staff ? pane : null, {
    firstKey: shown[0]?.id ?? "",
    lastKey: lastIsNote ? `n-${newestNote!.id}` : (newest?.id ?? ""),
    // A note is written by staff on a staff page: their own.
    lastMine: lastIsNote || Boolean(newest && mine(newest)),
  });
  // What arrived from others since the reader was last at the bottom.
  const [seenSeq, setSeenSeq] = useState(latestSeq);
  if (scroll.atBottom && seenSeq !== latestSeq) setSeenSeq(latestSeq);
  const unseen = scroll.atBottom ? 0 : shown.filter((m) => m.seq > seenSeq && !mine(m)).length;

  async function loadEarlier() {
    const before = shown[0]?.seq;
    if (!before || earlier.loading) return;
    setEarlier((e) => ({ ...e, loading: true, failed: false }));
    try {
      const response = await connectivity().fetch(
        `/api/conversations/${encodeURIComponent(conversationId)}/messages?before=${before}`,
      );
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const page = (await response.json()) as {
        messages: WireMessage[];
        notes: WireNote[];
        hasEarlier: boolean;
        goneShiftIds: string[];
      };
      scroll.keepPlace();
      setEarlier((e) => ({
        messages: [...page.messages.map(fromWire), ...e.messages, ...messages],
        notes: [...page.notes.map(noteFromWire), ...e.notes, ...notes],
        gone: [...e.gone, ...page.goneShiftIds],
        more: page.hasEarlier,
        loading: false,
        failed: false,
      }));
    } catch {
      setEarlier((e) => ({ ...e, loading: false, failed: true }));
    }
  }
  // Opened at a search's result: page back until it is shown, then bring it into view once.
  const foundKey = focus?.noteId ? `n-${focus.noteId}` : shown.find((m) => m.seq === focus?.seq)?.id;
  const foundShown = Boolean(
    foundKey && (foundKey.startsWith("n-") ? shownNotes.some((n) => `n-${n.id}` === foundKey) : true),
  );
  const scrolledTo = useRef(false);
  useEffect(() => {
    if (!focus || scrolledTo.current) return;
    if (foundShown) {
      scrolledTo.current = true;
      (pane.current ?? document).querySelector("[data-found]")?.scrollIntoView({ block: "center" });
    } else if (earlier.more && !earlier.loading && !earlier.failed) {
      const next = setTimeout(() => void loadEarlier(), 0);
      return () => clearTimeout(next);
    }
  });
  const latest = useRef(latestSeq);
  useEffect(() => {
    latest.current = latestSeq;
  }, [latestSeq]);

  const append = (m: ThreadMessage) => {
    // A message arrives twice when it is the reader's own (the send's answer, then its event): handled once.
    if (shown.some((x) => x.id === m.id)) return;
    setLive((items) => (items.some((x) => x.id === m.id) ? items : [...items, m]));
    // Staff see a thread's files beside it (Shared documents): a new message with files redraws that.
    if (staff && !chat && m.attachments.length) refresh();
  };

  const onMessage = (p: { conversationId: string; message: WireMessage }) => {
    if (p.conversationId !== conversationId) return;
    if (p.message.seq > latest.current + 1) refresh();
    append(fromWire(p.message));
  };
  useLiveEvent("message.created", onMessage);
  useLiveEvent("chat.message", onMessage);
  const onRevised = (message: WireMessage) => setRevised((r) => ({ ...r, [message.id]: fromWire(message) }));
  useLiveEvent("message.revised", (p) => {
    if (p.conversationId === conversationId) onRevised(p.message);
  });
  useLiveEvent("message.confirmed", (p) => {
    if (p.conversationId === conversationId) setConfirmed((c) => ({ ...c, [p.messageId]: p.confirmedAt }));
  });
  useLiveEvent("note.created", (p) => {
    if (p.conversationId !== conversationId) return;
    const note = noteFromWire(p.note);
    setLiveNotes((items) => (items.some((n) => n.id === note.id) ? items : [...items, note]));
  });
  useLiveEvent("message.action", (p) => {
    if (p.conversationId === conversationId) setActions((a) => ({ ...a, [p.messageId]: p.action }));
  });
  // The teammate's shift cards follow their schedule (an assignment deleted or given back).
  useLiveEvent("schedule.changed", () => {
    if (!staff && !chat) refresh();
  });

  // Read is what the reader has had in view: scrolled up, what arrived below stays unread.
  const readUpTo = scroll.atBottom ? latestSeq : seenSeq;
  useReadReporter(conversationId, readUpTo, openedAt, joinOnOpen);

  // Staff read in a pane that scrolls on its own; the teammate's phone page scrolls as a whole.
  const composerBox = (
    <Composer
      conversationId={conversationId}
      clientId={composer.clientId}
      latestSeq={latestSeq}
      placeholder={composer.placeholder}
      notice={composer.notice}
      options={composer.options}
      noteTools={composer.noteTools}
      status={composer.status}
      allowNotes={staff && !chat}
      onSent={append}
    />
  );
  const marker =
    unseen > 0 ? (
      <button
        type="button"
        onClick={scroll.toBottom}
        className="absolute -top-12 left-1/2 z-10 inline-flex min-h-11 -translate-x-1/2 items-center gap-1 rounded-full bg-accent px-4 text-sm font-medium text-on-accent shadow-lg"
        data-testid="new-messages"
        data-read-up-to={readUpTo}
      >
        {t("thread.newMessages", { count: unseen })} <ArrowDown aria-hidden="true" className="size-4" />
      </button>
    ) : null;
  return (
    <>
      <div ref={pane} className={staff ? "min-h-0 flex-1 overflow-y-auto px-3 py-4 sm:px-5" : "flex-1 px-4 py-4"}>
        {earlier.more ? (
          <div className="mb-3 text-center">
            <button
              type="button"
              onClick={() => void loadEarlier()}
              disabled={earlier.loading}
              className="min-h-11 rounded-full border border-line bg-surface px-4 text-sm text-muted hover:bg-slate-100"
            >
              {earlier.loading ? t("thread.loadingEarlier") : t("thread.showEarlier")}
            </button>
            {earlier.failed ? (
              <p role="alert" className="mt-1 text-sm text-red-700">
                {t("thread.earlierFailed")}
              </p>
            ) : null}
          </div>
        ) : null}
        <MessageList
          conversationId={conversationId}
          messages={shown}
          notes={shownNotes}
          timeZone={timeZone}
          side={side}
          selfId={selfId}
          staffConversationId={staff && !chat ? conversationId : undefined}
          goneShiftIds={new Set([...goneShiftIds, ...earlier.gone, ...deletedLive])}
          found={foundShown ? foundKey : undefined}
          revise={revise}
        />
        {/* Loaded when a message's menu is first asked for. The staff thread page draws its own menu
            (mark unread, then these); every other page, this one. */}
        <OnFirstMenu load={reviseMenu}>
          {(m, first) => (
            <>
              {staff && !chat ? null : <m.ReviseMenu first={first} />}
              <m.ReviseDialog conversationId={conversationId} onRevised={onRevised} />
            </>
          )}
        </OnFirstMenu>
      </div>
      <div className={staff ? "relative" : "sticky bottom-[calc(4rem+env(safe-area-inset-bottom))]"}>
        {/* Announced to screen readers as it appears. */}
        <div aria-live="polite">{marker}</div>
        {composerBox}
      </div>
    </>
  );
}
