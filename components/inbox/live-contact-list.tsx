"use client";

import { Link } from "@/components/ui/link";
import { buttonClass } from "@/components/ui/button";
import { ActionButton } from "@/components/ui/action-button";
import { requestExportAction } from "@/lib/exports/actions";
import { useEffect, useRef, useState } from "react";
import type { InboxContact } from "@/lib/inbox/contacts";
import { CONTACT_ORDER } from "@/lib/inbox/contact-order";
import type { ContactSort } from "@/lib/inbox/schemas";
import type { EventPayloads } from "@/lib/realtime/event-types";
import { useLiveEvent } from "@/components/live/live-events";
import { ContactList } from "@/components/contact-list";
import { useTranslations } from "@/lib/i18n/client";
import { connectivity } from "@/components/live/connectivity";

/**
 * How often rows are asked for again, at most: soon in a view filtered on read or
 * processed state (an event can add or drop rows), otherwise only to confirm the
 * unread count of a row that joined the page from an event.
 */
const FILTERED_SYNC_MS = 300;
const COUNT_SYNC_MS = 1000;

type Json<T> = { [K in keyof T]: T[K] extends Date | null ? string | null : T[K] };
const revive = (c: Json<InboxContact>): InboxContact => ({
  ...c,
  lastMessageAt: c.lastMessageAt ? new Date(c.lastMessageAt) : null,
  lastInboundAt: c.lastInboundAt ? new Date(c.lastInboundAt) : null,
});

// Every manager's page hears the same event at once; their fetches should not arrive together.
const jittered = (ms: number) => ms * (0.5 + Math.random());

type View = { contacts: InboxContact[]; total: number; from: InboxContact[] };

/**
 * The contact list, patched from live events instead of re-rendered. The row an
 * event concerns changes at once (preview, time, unread, processed check, place in
 * the sort); a thread that was not on the page joins it from the event's data.
 * Rows are fetched again, in the page's view and a batch at a time, only where
 * the page cannot know: a filtered view, or a joining row's exact unread count.
 */
export function LiveContactList({
  contacts,
  total,
  first,
  sort,
  page,
  pageSize,
  query,
  stateFiltered,
  activeId,
  selfId,
  timeZone,
  pager,
}: {
  contacts: InboxContact[];
  total: number;
  first: number;
  sort: ContactSort;
  page: number;
  pageSize: number;
  query: string;
  /** The view filters on read, processed or owner state: an event can add or drop rows and change the count. */
  stateFiltered: boolean;
  activeId?: string;
  selfId: string;
  timeZone: string;
  /** Previous / Next links, drawn by the server. */
  pager: React.ReactNode;
}) {
  const t = useTranslations();
  const [view, setView] = useState<View>({ contacts, total, from: contacts });
  // A new server render (navigation, filters, the user's own action) replaces what events patched.
  if (view.from !== contacts) setView({ contacts, total, from: contacts });
  const touched = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);

  const place = (rows: InboxContact[]) => [...rows].sort(CONTACT_ORDER[sort]).slice(0, pageSize);

  const sync = async () => {
    timer.current = undefined;
    if (inFlight.current) return later();
    const ids = [...touched.current];
    touched.current.clear();
    inFlight.current = true;
    try {
      const sep = query ? "&" : "?";
      const response = await connectivity().fetch(
        `/api/inbox/contacts${query}${sep}ids=${ids.map(encodeURIComponent).join(",")}${stateFiltered ? "&count=1" : ""}`,
      );
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const result = (await response.json()) as { contacts: Json<InboxContact>[]; total: number | null };
      const fresh = new Map(result.contacts.map((c) => [c.conversationId, revive(c)]));
      setView((v) => {
        const kept = v.contacts
          .filter((c) => !ids.includes(c.conversationId) || fresh.has(c.conversationId))
          .map((c) => fresh.get(c.conversationId) ?? c);
        const joining =
          page === 1 ? [...fresh.values()].filter((c) => !kept.some((k) => k.conversationId === c.conversationId)) : [];
        return { ...v, contacts: place([...kept, ...joining]), total: result.total ?? v.total };
      });
    } catch {
      for (const id of ids) touched.current.add(id);
      later(2000);
    } finally {
      inFlight.current = false;
    }
  };
  const later = (ms = stateFiltered ? FILTERED_SYNC_MS : COUNT_SYNC_MS) => {
    if (!timer.current) timer.current = setTimeout(() => void sync(), jittered(ms));
  };
  const ask = (id: string) => {
    touched.current.add(id);
    later();
  };

  const onMessage = (p: EventPayloads["message.created"]) => {
    const at = new Date(p.message.createdAt);
    const unread = p.inbound && p.conversationId !== activeId ? 1 : 0;
    const present = view.contacts.some((c) => c.conversationId === p.conversationId);
    setView((v) => {
      if (present) {
        const rows = v.contacts.map((c) =>
          c.conversationId === p.conversationId
            ? {
                ...c,
                preview: p.preview,
                lastMessageAt: at,
                lastInboundAt: p.inbound ? at : c.lastInboundAt,
                processed: p.inbound ? false : c.processed,
                unread: c.unread + unread,
              }
            : c,
        );
        return { ...v, contacts: place(rows) };
      }
      // The newest threads arrive on the first page; "by name" order does not move for a message.
      if (page !== 1 || sort === "name" || !p.contact || stateFiltered) return v;
      const joining: InboxContact = {
        conversationId: p.conversationId,
        ...p.contact,
        preview: p.preview,
        lastMessageAt: at,
        lastInboundAt: p.inbound ? at : null,
        processed: false,
        unread,
        assigneeId: null,
        assigneeName: null,
      };
      return { ...v, contacts: place([...v.contacts, joining]) };
    });
    // What only the server knows: a filtered view's rows, or a joining row's exact count and state.
    if (stateFiltered || (!present && page === 1)) ask(p.conversationId);
  };

  useLiveEvent("message.created", onMessage);
  // A thread's last message edited or deleted: its row reads what the thread now ends with.
  useLiveEvent("message.revised", (p) => {
    const preview = p.preview;
    if (preview === null) return;
    setView((v) => ({
      ...v,
      contacts: v.contacts.map((c) => (c.conversationId === p.conversationId ? { ...c, preview } : c)),
    }));
  });
  useLiveEvent("thread.processed", (p) => {
    setView((v) => ({
      ...v,
      contacts: place(
        v.contacts.map((c) => (c.conversationId === p.conversationId ? { ...c, processed: p.processed } : c)),
      ),
    }));
    if (stateFiltered) ask(p.conversationId);
  });
  useLiveEvent("thread.assigned", (p) => {
    setView((v) => ({
      ...v,
      contacts: v.contacts.map((c) =>
        c.conversationId === p.conversationId
          ? { ...c, assigneeId: p.assignee?.id ?? null, assigneeName: p.assignee?.name ?? null }
          : c,
      ),
    }));
    if (stateFiltered) ask(p.conversationId);
  });
  // This user's read position moved in another thread (another tab, Mark as unread): the server counts its unread.
  useLiveEvent("thread.read", (p) => {
    if (p.conversationId !== activeId) ask(p.conversationId);
  });

  const [selecting, setSelecting] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the Select button needs the script: shown once it runs
  useEffect(() => setHydrated(true), []);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // The open thread is being read: its row carries no unread count.
  const shown = view.contacts.map((c) => (c.conversationId === activeId && c.unread ? { ...c, unread: 0 } : c));
  return (
    <>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <ContactList
          contacts={shown}
          activeId={activeId}
          selfId={selfId}
          timeZone={timeZone}
          query={query}
          selection={selecting ? { selected, toggle } : undefined}
        />
      </div>
      {/* Bulk actions once something is picked (picking needs the page's script; the header's menu reaches everyone without it). */}
      {selecting ? (
        <div
          className="flex flex-wrap items-center gap-2 border-t border-line bg-accent-soft px-3 py-2 text-sm"
          data-testid="bulk-bar"
        >
          <span className="mr-auto font-medium">{t("grouped.selectedCount", { count: selected.size })}</span>
          {selected.size ? (
            <Link href={`/inbox/compose?pick=${[...selected].join(",")}`} className={buttonClass("primary", "sm")}>
              {t("grouped.messageSelected", { count: selected.size })}
            </Link>
          ) : null}
          {selected.size ? (
            <ActionButton
              action={requestExportAction}
              fields={{ pick: [...selected].join(",") }}
              label={t("exports.exportSelected", { count: selected.size })}
              className={buttonClass("secondary", "sm")}
            />
          ) : null}
        </div>
      ) : null}
      <footer className="flex items-center gap-2 border-t border-line px-3 py-1 text-xs text-muted">
        <span data-testid="contact-count" className="mr-auto">
          {t("inbox.count", { first, last: first ? first + shown.length - 1 : 0, total: view.total })}
        </span>
        {hydrated ? (
          <button
            type="button"
            onClick={() => {
              setSelecting((v) => !v);
              setSelected(new Set());
            }}
            aria-pressed={selecting}
            className={buttonClass("ghost", "sm")}
          >
            {selecting ? t("grouped.stopSelecting") : t("grouped.select")}
          </button>
        ) : null}
        {pager}
      </footer>
    </>
  );
}
