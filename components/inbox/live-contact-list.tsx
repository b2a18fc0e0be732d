"use client";

import { useEffect, useRef, useState } from "react";
import type { InboxContact } from "@/lib/inbox/contacts";
import { CONTACT_ORDER } from "@/lib/inbox/contact-order";
import type { ContactSort } from "@/lib/inbox/schemas";
import { useLiveEvent } from "@/components/live/live-events";
import { ContactList } from "@/components/contact-list";

/** How often the rows that events touched, and the counts, are asked for again: at most once per window. */
export const CONTACT_REFRESH_MS = 300;

type Json<T> = { [K in keyof T]: T[K] extends Date | null ? string | null : T[K] };
const revive = (c: Json<InboxContact>): InboxContact => ({
  ...c,
  lastMessageAt: c.lastMessageAt ? new Date(c.lastMessageAt) : null,
  lastInboundAt: c.lastInboundAt ? new Date(c.lastInboundAt) : null,
});

/**
 * The contact list, patched from live events instead of re-rendered: the row an
 * event concerns changes at once (preview, time, unread, processed dot), then the
 * touched rows and the count are fetched in the page's view, at most once per
 * window, to place them by the sort and drop those the filters no longer match.
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
  /** The view filters on read or processed state: an event can add or drop rows and change the count. */
  stateFiltered: boolean;
  activeId?: string;
  timeZone: string;
  /** Previous / Next links, drawn by the server. */
  pager: React.ReactNode;
}) {
  const [view, setView] = useState({ contacts, total, from: contacts });
  // A new server render (navigation, filters, the user's own action) replaces what events patched.
  if (view.from !== contacts) setView({ contacts, total, from: contacts });
  const touched = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);

  const patch = (id: string, change: (c: InboxContact) => InboxContact) =>
    setView((v) => ({ ...v, contacts: v.contacts.map((c) => (c.conversationId === id ? change(c) : c)) }));

  const refetch = async () => {
    timer.current = undefined;
    if (inFlight.current) return schedule();
    const ids = [...touched.current];
    touched.current.clear();
    inFlight.current = true;
    try {
      const sep = query ? "&" : "?";
      const response = await fetch(`/api/inbox/contacts${query}${sep}ids=${ids.map(encodeURIComponent).join(",")}${stateFiltered ? "&count=1" : ""}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const result = (await response.json()) as { contacts: Json<InboxContact>[]; total: number | null };
      const fresh = new Map(result.contacts.map((c) => [c.conversationId, revive(c)]));
      setView((v) => {
        const kept = v.contacts.filter((c) => !ids.includes(c.conversationId) || fresh.has(c.conversationId)).map((c) => fresh.get(c.conversationId) ?? c);
        // A row that was not on this page joins it only on the first page, where the newest arrive.
        const joining = page === 1 ? [...fresh.values()].filter((c) => !kept.some((k) => k.conversationId === c.conversationId)) : [];
        const rows = [...kept, ...joining].sort(CONTACT_ORDER[sort]).slice(0, pageSize);
        return { ...v, contacts: rows, total: result.total ?? v.total };
      });
    } catch {
      for (const id of ids) touched.current.add(id);
      schedule(2000);
    } finally {
      inFlight.current = false;
    }
  };
  const schedule = (ms = CONTACT_REFRESH_MS) => {
    if (!timer.current) timer.current = setTimeout(() => void refetch(), ms);
  };
  // A row on the page, in a view whose filters the event cannot change, is patched and sorted here alone.
  const touch = (id: string, force = false) => {
    if (!force && !stateFiltered && view.contacts.some((c) => c.conversationId === id)) {
      setView((v) => ({ ...v, contacts: [...v.contacts].sort(CONTACT_ORDER[sort]) }));
      return;
    }
    touched.current.add(id);
    schedule();
  };

  useLiveEvent("message.created", (p) => {
    const at = new Date(p.message.createdAt);
    const countsUnread = p.inbound && p.conversationId !== activeId;
    patch(p.conversationId, (c) => ({
      ...c,
      preview: p.preview,
      lastMessageAt: at,
      lastInboundAt: p.inbound ? at : c.lastInboundAt,
      processed: p.inbound ? false : c.processed,
      unread: countsUnread ? c.unread + 1 : c.unread,
    }));
    touch(p.conversationId);
  });
  useLiveEvent("thread.processed", (p) => {
    patch(p.conversationId, (c) => ({ ...c, processed: p.processed }));
    touch(p.conversationId);
  });
  // This user's own read position moved elsewhere (another tab, Mark as unread): the server counts the row's unread.
  useLiveEvent("thread.read", (p) => {
    if (p.conversationId !== activeId) touch(p.conversationId, true);
  });

  const shown = view.contacts;
  return (
    <>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <ContactList contacts={shown} activeId={activeId} timeZone={timeZone} query={query} />
      </div>
      <footer className="flex items-center justify-between border-t border-slate-200 px-4 py-2 text-xs text-slate-600">
        <span data-testid="contact-count">
          {first}–{first ? first + shown.length - 1 : 0} of {view.total}
        </span>
        {pager}
      </footer>
    </>
  );
}
