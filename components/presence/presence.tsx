"use client";

import { createContext, useContext, useEffect, useMemo, useRef, useState } from "react";
import { usePresenceEvents } from "@/components/live/live-events";
import { PRESENCE_REPEAT_MS, type PresenceEntry, type PresenceTyping } from "@/lib/realtime/presence-types";

type Presence = {
  /** Everyone else's entries (this user's own tabs left out). */
  others: PresenceEntry[];
  /** This tab has `conversationId` open (null: none). */
  open(conversationId: string | null): void;
  /** A key was pressed in this tab's reply box: a reply or a private note (null: sent, or emptied). */
  typing(kind: PresenceTyping | null): void;
};

const PresenceContext = createContext<Presence | null>(null);

/** One id per browser tab, kept across its reloads: two tabs of one manager are two entries. */
function tabId(): string {
  try {
    const kept = sessionStorage.getItem("shiftline-tab");
    if (kept) return kept;
    const id = crypto.randomUUID().replaceAll("-", "");
    sessionStorage.setItem("shiftline-tab", id);
    return id;
  } catch {
    return crypto.randomUUID().replaceAll("-", "");
  }
}

/** After this long without a key pressed, typing has stopped (the next repeat says so). */
const TYPING_QUIET_MS = 4_000;
/** Leaving a thread is said after this pause, unless another one opened meanwhile (moving between threads). */
const LEAVE_AFTER_MS = 300;

/**
 * Staff presence for the whole staff app: what the stream says of others, and what this tab
 * tells (the open thread, repeated every PRESENCE_REPEAT_MS while it stays open; typing, at
 * most once per repeat). Nothing of it is stored: it lapses on the server when not repeated.
 */
export function PresenceProvider({ selfId, children }: { selfId: string; children: React.ReactNode }) {
  const [entries, setEntries] = useState<ReadonlyMap<string, PresenceEntry>>(new Map());
  usePresenceEvents((wire) => {
    setEntries((now) => {
      if ("all" in wire) return new Map(wire.all.map((e) => [e.key, e]));
      const next = new Map(now);
      if ("set" in wire) next.set(wire.set.key, wire.set);
      else next.delete(wire.gone);
      return next;
    });
  });
  const here = useRef({ tab: "", conversationId: null as string | null, typing: null as PresenceTyping | null });
  const timing = useRef({ sent: 0, keyAt: 0, leave: undefined as ReturnType<typeof setTimeout> | undefined });

  const [presence] = useState(() => {
    const send = (keepalive = false) => {
      const h = here.current;
      if (!h.tab) h.tab = tabId();
      timing.current.sent = Date.now();
      void fetch("/api/presence", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ tab: h.tab, conversationId: h.conversationId, typing: h.typing }),
        keepalive,
      }).catch(() => undefined); // presence is best effort: the next repeat says it again
    };
    return {
      send,
      open(conversationId: string | null) {
        clearTimeout(timing.current.leave);
        const h = here.current;
        if (conversationId === null) {
          timing.current.leave = setTimeout(() => {
            if (h.conversationId === null) return;
            h.conversationId = null;
            h.typing = null;
            send();
          }, LEAVE_AFTER_MS);
          return;
        }
        if (h.conversationId === conversationId) return;
        h.conversationId = conversationId;
        h.typing = null;
        send();
      },
      typing(kind: PresenceTyping | null) {
        const h = here.current;
        if (!h.conversationId) return;
        timing.current.keyAt = kind ? Date.now() : 0;
        const changed = h.typing !== kind;
        h.typing = kind;
        if (changed || (kind && Date.now() - timing.current.sent >= PRESENCE_REPEAT_MS)) send();
      },
    };
  });

  useEffect(() => {
    const repeat = setInterval(() => {
      const h = here.current;
      if (!h.conversationId) return;
      if (h.typing && Date.now() - timing.current.keyAt > TYPING_QUIET_MS) h.typing = null;
      if (Date.now() - timing.current.sent >= PRESENCE_REPEAT_MS - 100) presence.send();
    }, PRESENCE_REPEAT_MS);
    // A closed tab (or one the browser puts away) leaves at once; one brought back says so again.
    const hide = () => {
      if (!here.current.conversationId) return;
      const { conversationId } = here.current;
      here.current.conversationId = null;
      here.current.typing = null;
      presence.send(true);
      here.current.conversationId = conversationId;
    };
    const show = () => {
      if (here.current.conversationId) presence.send();
    };
    window.addEventListener("pagehide", hide);
    window.addEventListener("pageshow", show);
    return () => {
      clearInterval(repeat);
      window.removeEventListener("pagehide", hide);
      window.removeEventListener("pageshow", show);
    };
  }, [presence]);

  const value = useMemo<Presence>(
    () => ({
      others: [...entries.values()].filter((e) => e.userId !== selfId),
      open: presence.open,
      typing: presence.typing,
    }),
    [entries, selfId, presence],
  );
  return <PresenceContext.Provider value={value}>{children}</PresenceContext.Provider>;
}

/** Who else is in a thread: one entry per person (a person's tabs merged), typing if any tab types. */
export function useThreadPresence(
  conversationId: string,
): { userId: string; name: string; typing: PresenceTyping | null }[] {
  const others = useContext(PresenceContext)?.others;
  return useMemo(() => {
    const people = new Map<string, { userId: string; name: string; typing: PresenceTyping | null }>();
    for (const e of others ?? []) {
      if (e.conversationId !== conversationId) continue;
      const seen = people.get(e.userId);
      people.set(e.userId, { userId: e.userId, name: e.name, typing: e.typing ?? seen?.typing ?? null });
    }
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [others, conversationId]);
}

/** The threads another manager has open, with their names (the contact list's marker). */
export function useThreadsWithOthers(): ReadonlyMap<string, string[]> {
  const others = useContext(PresenceContext)?.others;
  return useMemo(() => {
    const threads = new Map<string, string[]>();
    for (const e of others ?? []) {
      const names = threads.get(e.conversationId) ?? [];
      if (!names.includes(e.name)) names.push(e.name);
      threads.set(e.conversationId, names);
    }
    return threads;
  }, [others]);
}

/** What this tab tells: the thread it has open while mounted (staff thread pages). */
export function useReportOpenThread(conversationId: string): void {
  const presence = useContext(PresenceContext);
  const open = presence?.open;
  useEffect(() => {
    open?.(conversationId);
    return () => open?.(null);
  }, [open, conversationId]);
}

/** The reply box's typing signal (a no-op outside the staff app: teammates tell nothing). */
export function useTypingSignal(): (kind: PresenceTyping | null) => void {
  return useContext(PresenceContext)?.typing ?? noop;
}
const noop = () => {};
