"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import {
  BEAT_EVENT,
  EVENT_TYPES,
  HEARTBEAT_MS,
  RELOAD_EVENT,
  type EventPayloads,
  type EventType,
} from "@/lib/realtime/event-types";
import { PRESENCE_EVENT, type PresenceWire } from "@/lib/realtime/presence-types";
import { connectivity, useReach } from "./connectivity";
import { forgetSavedPages } from "@/components/pwa/app-worker";

type Handler<K extends EventType> = (payload: EventPayloads[K], id: number) => void;
type Registry = {
  on<K extends EventType>(type: K, handler: Handler<K>): () => void;
  /** Who of the staff is in which thread (staff streams only; not logged, so never replayed: each stream starts with the whole picture). */
  onPresence(handler: (wire: PresenceWire) => void): () => void;
  /** Re-renders the page from the server, once Shiftline answers (never while offline). */
  refresh(): void;
};

const LiveContext = createContext<Registry | null>(null);

/** The mark public/sw.js puts in the <head> of a page it answered with its kept copy. */
const SAVED_COPY = 'meta[name="shiftline-saved-copy"]';

/** When a kept copy was saved, in the phone's own time: the time alone today, else the day too. */
function savedTime(at: Date, locale: string): string {
  const today = at.toDateString() === new Date().toDateString();
  // 24-hour times, as everywhere else in Shiftline.
  const time = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
  return new Intl.DateTimeFormat(locale, today ? time : { ...time, day: "numeric", month: "short" }).format(at);
}

/** Silence after which an open stream is taken for dead (a connection lost without closing). */
const STALE_MS = HEARTBEAT_MS * 2.5;
/** A stream refused while Shiftline answers otherwise is asked for again after this long. */
const REOPEN_MS = 10_000;

/**
 * One event stream per page: screens subscribe to the event types they draw
 * and patch themselves from the payloads. After a reconnect, or when the server
 * says the client fell too far behind ("reload"), the page re-syncs in full,
 * so nothing missed stays missing. The stream resumes after its last event id.
 * When Shiftline cannot be reached (./connectivity: what the page observes, not what
 * the browser claims), a banner says so and the page stays as it is: a re-render is
 * asked for only once Shiftline answers again (a failed one would become the browser's
 * offline page).
 */
export function LiveEvents({ after, children }: { after: number; children: React.ReactNode }) {
  const router = useRouter();
  const t = useTranslations();
  const start = useRef(after);
  const handlers = useRef(new Map<EventType, Set<Handler<EventType>>>());
  const presenceHandlers = useRef(new Set<(wire: PresenceWire) => void>());
  const locale = useLocale();
  const reach = useReach();
  // Set when the service worker answered with its kept copy of the page (public/sw.js): when it was saved.
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const wanted = useRef(false);
  const refresh = useCallback(async () => {
    wanted.current = true;
    const net = connectivity();
    if (net.reach !== "online") return; // retried when Shiftline answers again
    const status = await net.probe();
    if (status === null || status >= 500 || !wanted.current) return;
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
    onPresence(handler) {
      presenceHandlers.current.add(handler);
      return () => void presenceHandlers.current.delete(handler);
    },
    refresh: () => void refreshRef.current(),
  }));

  useEffect(() => {
    const net = connectivity();
    // A saved copy means the worker could not get the page: ask Shiftline at once, so the
    // banner says why (offline, or Shiftline down) and the page is drawn again once it answers.
    const copy = document.querySelector<HTMLMetaElement>(SAVED_COPY);
    if (copy) {
      const at = new Date(copy.content);
      // Reading the page's own mark can only happen after hydration.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setSavedAt(Number.isNaN(at.getTime()) ? new Date(0) : at);
      void refresh();
    }
    return net.onBack(() => {
      if (wanted.current) void refresh();
    });
  }, [refresh]);

  useEffect(() => {
    const net = connectivity();
    let source: EventSource | undefined;
    let lastId = start.current;
    let dropped = false;
    let heard = Date.now();
    let reopenWhenBack = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      clearTimeout(retry);
      source?.close();
      const s = (source = new EventSource(`/api/events?after=${lastId}`));
      heard = Date.now();
      for (const type of EVENT_TYPES) {
        s.addEventListener(type, (e) => {
          heard = Date.now();
          const id = Number((e as MessageEvent).lastEventId);
          if (id && id <= lastId) return;
          if (id) lastId = id;
          const payload = JSON.parse((e as MessageEvent<string>).data) as EventPayloads[EventType];
          for (const h of handlers.current.get(type) ?? []) h(payload, id);
        });
      }
      s.addEventListener(PRESENCE_EVENT, (e) => {
        heard = Date.now();
        const wire = JSON.parse((e as MessageEvent<string>).data) as PresenceWire;
        for (const h of presenceHandlers.current) h(wire);
      });
      s.addEventListener(BEAT_EVENT, () => (heard = Date.now()));
      s.addEventListener(RELOAD_EVENT, () => void refresh());
      s.onopen = () => {
        heard = Date.now();
        document.documentElement.dataset.live = "open";
        net.reached();
        if (dropped || wanted.current) void refresh(); // whatever the replay could not patch is drawn again
        dropped = false;
      };
      s.onerror = () => {
        dropped = true;
        const closed = s.readyState === EventSource.CLOSED;
        document.documentElement.dataset.live = closed ? "closed" : "reconnecting";
        // Is it the network, Shiftline, or (a refused stream) the session that ended?
        void net.probe().then((status) => {
          if (!closed || s !== source) return;
          // The session ended (signed out everywhere, disabled): the phone's saved pages go first.
          if (status === 401)
            void forgetSavedPages().then(() =>
              router.replace(`/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname)}`),
            );
          // Refused by a proxy while Shiftline was away (the browser gives up then): open it again once it answers.
          else if (status === null) reopenWhenBack = true;
          else retry = setTimeout(open, REOPEN_MS);
        });
      };
    };
    const offBack = net.onBack(() => {
      if (!reopenWhenBack) return;
      reopenWhenBack = false;
      open();
    });
    // A connection can die without closing (a phone's data gone dead): the stream beats every
    // HEARTBEAT_MS, so long silence means it is gone. Timers are late on a sleeping phone; the
    // elapsed time is what counts.
    const watchdog = setInterval(() => {
      if (!source || source.readyState !== EventSource.OPEN || Date.now() - heard < STALE_MS) return;
      dropped = true;
      document.documentElement.dataset.live = "reconnecting";
      void net.probe();
      open();
    }, HEARTBEAT_MS / 2);
    open();
    return () => {
      clearInterval(watchdog);
      clearTimeout(retry);
      offBack();
      source?.close();
    };
  }, [refresh, router]);

  return (
    <LiveContext.Provider value={registry}>
      {/* In the page's flow above the screen, never over its header. */}
      <div className="flex h-full min-h-full flex-col">
        {reach !== "online" || savedAt ? (
          <div
            role="status"
            className="shrink-0 bg-[oklch(27.9%_0.041_260)] px-4 py-2 pt-[max(0.5rem,env(safe-area-inset-top))] text-center text-sm text-[#fff]"
          >
            {reach !== "online" ? (
              <p data-testid="offline">{reach === "down" ? t("live.down") : t("live.offline")}</p>
            ) : null}
            {savedAt ? (
              <p data-testid="saved-copy" className={reach !== "online" ? "text-xs text-slate-300" : undefined}>
                {savedAt.getTime()
                  ? t("live.savedCopy", { time: savedTime(savedAt, locale) })
                  : t("live.savedCopyUndated")}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="flex min-h-0 flex-1 flex-col">{children}</div>
      </div>
    </LiveContext.Provider>
  );
}

/** Re-renders the page from the server once Shiftline answers: never while offline. */
export function useSafeRefresh(): () => void {
  const registry = useContext(LiveContext);
  const router = useRouter();
  return registry ? registry.refresh : router.refresh;
}

/** Calls `handler` with each presence message of the stream (staff). */
export function usePresenceEvents(handler: (wire: PresenceWire) => void) {
  const registry = useContext(LiveContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => registry?.onPresence((w) => latest.current(w)), [registry]);
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
