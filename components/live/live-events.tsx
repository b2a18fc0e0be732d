"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import { EVENT_TYPES, RELOAD_EVENT, type EventPayloads, type EventType } from "@/lib/realtime/event-types";

type Handler<K extends EventType> = (payload: EventPayloads[K], id: number) => void;
type Registry = {
  on<K extends EventType>(type: K, handler: Handler<K>): () => void;
  /** Re-renders the page from the server, once Shiftline answers (never while offline). */
  refresh(): void;
};

const LiveContext = createContext<Registry | null>(null);

/** The mark public/sw.js puts in the <head> of a page it answered with its kept copy. */
const SAVED_COPY = 'meta[name="shiftline-saved-copy"]';

/** When a kept copy was saved, in the phone's own time: the time alone today, else the day too. */
function savedTime(at: Date, locale: string): string {
  const today = at.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(locale, today ? { timeStyle: "short" } : { dateStyle: "medium", timeStyle: "short" }).format(at);
}

/**
 * One event stream per page: screens subscribe to the event types they draw
 * and patch themselves from the payloads. After a reconnect, or when the server
 * says the client fell too far behind ("reload"), the page re-syncs in full,
 * so nothing missed stays missing. EventSource resumes after its last event id.
 * Offline, a banner says so and the page stays as it is: a re-render is asked for
 * only once Shiftline answers again (a failed one would become the browser's offline page).
 */
export function LiveEvents({ after, children }: { after: number; children: React.ReactNode }) {
  const router = useRouter();
  const t = useTranslations();
  const start = useRef(after);
  const handlers = useRef(new Map<EventType, Set<Handler<EventType>>>());
  const locale = useLocale();
  const [offline, setOffline] = useState(false);
  // Set when the service worker answered with its kept copy of the page (public/sw.js): when it was saved.
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const wanted = useRef(false);
  const refresh = useCallback(async () => {
    wanted.current = true;
    if (!navigator.onLine) return; // retried on "online"
    try {
      const answer = await fetch("/api/ping", { cache: "no-store" });
      if (!answer.ok && answer.status >= 500) return;
    } catch {
      return; // retried when the stream opens again
    }
    if (!wanted.current) return;
    wanted.current = false;
    router.refresh();
    document.querySelector(SAVED_COPY)?.remove();
    setSavedAt(null);
  }, [router]);
  const refreshRef = useRef(refresh);
  useEffect(() => {
    refreshRef.current = refresh;
  }, [refresh]);
  const [registry] = useState<Registry>(() => ({
    on(type, handler) {
      const set = handlers.current.get(type) ?? new Set();
      handlers.current.set(type, set);
      set.add(handler as Handler<EventType>);
      return () => void set.delete(handler as Handler<EventType>);
    },
    refresh: () => void refreshRef.current(),
  }));

  useEffect(() => {
    // A page the phone opened from its saved copy starts offline: no "offline" event comes.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (!navigator.onLine) setOffline(true);
    // A saved copy is drawn again from the server as soon as it answers.
    const copy = document.querySelector<HTMLMetaElement>(SAVED_COPY);
    if (copy) {
      wanted.current = true;
      const at = new Date(copy.content);
      setSavedAt(Number.isNaN(at.getTime()) ? new Date(0) : at);
    }
    const down = () => setOffline(true);
    const up = () => {
      setOffline(false);
      if (wanted.current) void refresh();
    };
    window.addEventListener("offline", down);
    window.addEventListener("online", up);
    return () => {
      window.removeEventListener("offline", down);
      window.removeEventListener("online", up);
    };
  }, [refresh]);

  useEffect(() => {
    const source = new EventSource(`/api/events?after=${start.current}`);
    let lastId = start.current;
    let dropped = false;
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (e) => {
        const id = Number((e as MessageEvent).lastEventId);
        if (id && id <= lastId) return;
        if (id) lastId = id;
        const payload = JSON.parse((e as MessageEvent<string>).data) as EventPayloads[EventType];
        for (const h of handlers.current.get(type) ?? []) h(payload, id);
      });
    }
    source.addEventListener(RELOAD_EVENT, () => void refresh());
    source.onopen = () => {
      document.documentElement.dataset.live = "open";
      setOffline(false);
      if (dropped || wanted.current) void refresh(); // whatever the replay could not patch is drawn again
      dropped = false;
    };
    source.onerror = () => {
      dropped = true;
      if (!navigator.onLine) setOffline(true);
      document.documentElement.dataset.live = source.readyState === EventSource.CLOSED ? "closed" : "reconnecting";
      // The server refused the stream: when it is because the session ended, go and sign in.
      if (source.readyState === EventSource.CLOSED)
        void fetch("/api/ping", { cache: "no-store" }).then(
          (answer) => answer.status === 401 && router.replace(`/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname)}`),
          () => undefined,
        );
    };
    return () => source.close();
  }, [refresh, router]);

  return (
    <LiveContext.Provider value={registry}>
      {offline || savedAt ? (
        <div
          role="status"
          className="fixed inset-x-0 top-0 z-40 bg-slate-800 px-4 py-2 pt-[max(0.5rem,env(safe-area-inset-top))] text-center text-sm text-white"
        >
          {offline ? <p data-testid="offline">{t("live.offline")}</p> : null}
          {savedAt ? (
            <p data-testid="saved-copy" className={offline ? "text-xs text-slate-300" : undefined}>
              {savedAt.getTime() ? t("live.savedCopy", { time: savedTime(savedAt, locale) }) : t("live.savedCopyUndated")}
            </p>
          ) : null}
        </div>
      ) : null}
      {children}
    </LiveContext.Provider>
  );
}

/** Re-renders the page from the server once Shiftline answers: never while offline. */
export function useSafeRefresh(): () => void {
  const registry = useContext(LiveContext);
  const router = useRouter();
  return registry ? registry.refresh : router.refresh;
}

/** Calls `handler` for each live event of `type`. The latest handler is used; it need not be memoised. */
export function useLiveEvent<K extends EventType>(type: K, handler: Handler<K>) {
  const registry = useContext(LiveContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => registry?.on(type, (p, id) => latest.current(p, id)), [registry, type]);
}

/** Re-renders the page from the server when one of these events arrives (pages whose data they change). */
export function RefreshOn({ types }: { types: EventType[] }) {
  const registry = useContext(LiveContext);
  const refresh = useSafeRefresh();
  const key = types.join(",");
  useEffect(() => {
    const types = key.split(",") as EventType[];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 50);
    };
    const offs = types.map((t) => registry?.on(t, later));
    return () => {
      clearTimeout(timer);
      for (const off of offs) off?.();
    };
  }, [registry, refresh, key]);
  return null;
}
