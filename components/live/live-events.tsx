"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState } from "react";
import { EVENT_TYPES, RELOAD_EVENT, type EventPayloads, type EventType } from "@/lib/realtime/event-types";

type Handler<K extends EventType> = (payload: EventPayloads[K], id: number) => void;
type Registry = { on<K extends EventType>(type: K, handler: Handler<K>): () => void };

const LiveContext = createContext<Registry | null>(null);

/**
 * One event stream per page: screens subscribe to the event types they draw
 * and patch themselves from the payloads. After a reconnect, or when the server
 * says the client fell too far behind ("reload"), the page re-syncs in full,
 * so nothing missed stays missing. EventSource resumes after its last event id.
 */
export function LiveEvents({ after, children }: { after: number; children: React.ReactNode }) {
  const router = useRouter();
  const start = useRef(after);
  const handlers = useRef(new Map<EventType, Set<Handler<EventType>>>());
  const [registry] = useState<Registry>(() => ({
    on(type, handler) {
      const set = handlers.current.get(type) ?? new Set();
      handlers.current.set(type, set);
      set.add(handler as Handler<EventType>);
      return () => void set.delete(handler as Handler<EventType>);
    },
  }));

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
    source.addEventListener(RELOAD_EVENT, () => router.refresh());
    source.onopen = () => {
      document.documentElement.dataset.live = "open";
      if (dropped) router.refresh(); // whatever the replay could not patch is drawn again
      dropped = false;
    };
    source.onerror = () => {
      dropped = true;
      document.documentElement.dataset.live = source.readyState === EventSource.CLOSED ? "closed" : "reconnecting";
    };
    return () => source.close();
  }, [router]);

  return <LiveContext.Provider value={registry}>{children}</LiveContext.Provider>;
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
  const router = useRouter();
  const registry = useContext(LiveContext);
  const key = types.join(",");
  useEffect(() => {
    const types = key.split(",") as EventType[];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 50);
    };
    const offs = types.map((t) => registry?.on(t, refresh));
    return () => {
      clearTimeout(timer);
      for (const off of offs) off?.();
    };
  }, [registry, router, key]);
  return null;
}
