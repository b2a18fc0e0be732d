import { setMaxListeners } from "node:events";
import { cpuSeconds, stats, type Stats } from "./measure";
import { readEvents } from "./sse";

// Staff listeners that behave like browsers: each has the inbox open on one thread
// and, on every event it receives, fetches what its page would fetch.
// - "refresh": what the page did before issue 7: every event re-rendered the whole
//   page from the server (router.refresh(), 30 ms debounce, one in flight at a time).
// - "patch": what it does now: a message in the open thread is drawn from the event
//   itself; other events ask for the touched contact rows and the counts, batched
//   over a window, one request in flight at a time (components/inbox/live-contacts.tsx).

export type Mode = "refresh" | "patch";
const PATCH_WINDOW_MS = 1000; // COUNT_SYNC_MS in components/inbox/live-contact-list.tsx

type Manager = { cookie: string; threadId: string };

export async function runStaffBrowsers(opts: {
  base: string;
  mode: Mode;
  managers: Manager[];
  /** Sends inbound message i; resolves with the thread it went to once acknowledged. */
  send: (i: number) => Promise<{ threadId: string; seq: number; ok: boolean }>;
  rate: number;
  seconds: number;
  serverPid: number;
}): Promise<{
  send: Stats & { errors: number };
  view: Stats & { expected: number };
  cpuPerMessage: number;
  pageFetches: number;
}> {
  const { base, mode, managers } = opts;
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  // Keyed by thread and sequence number; an event can arrive before its send is acknowledged.
  const sentAt = new Map<string, number>();
  const shownAt: { key: string; at: number }[] = [];
  let pageFetches = 0;
  const shown = (key: string) => shownAt.push({ key, at: performance.now() });

  await Promise.all(
    managers.map(async (m) => {
      const res = await fetch(`${base}/api/events`, {
        headers: { cookie: m.cookie, accept: "text/event-stream" },
        signal: controller.signal,
      });
      if (!res.ok || !res.body) throw new Error(`staff listener: HTTP ${res.status}`);
      let inFlight = false;
      // The page's rows: the 50 threads with the latest messages (the scratch data's first 50 to begin with).
      const onPage = new Set(Array.from({ length: 50 }, (_, i) => `c${i}`));
      const enter = (id: string) => {
        onPage.delete(id);
        onPage.add(id);
        if (onPage.size > 50) onPage.delete(onPage.values().next().value!);
      };
      let readTimer: NodeJS.Timeout | undefined;
      let readSeq = 0;
      let waiting: string[] = []; // message keys a fetch in flight or scheduled will show
      let touched = new Set<string>();
      let timer: NodeJS.Timeout | undefined;
      const fetchNow = async () => {
        if (inFlight) return schedule();
        inFlight = true;
        const batch = waiting;
        const ids = [...touched];
        waiting = [];
        touched = new Set();
        try {
          pageFetches++;
          const url =
            mode === "refresh" ? `${base}/inbox/${m.threadId}` : `${base}/api/inbox/contacts?ids=${ids.join(",")}`;
          const r = await fetch(url, {
            headers: { cookie: m.cookie, ...(mode === "refresh" ? { rsc: "1" } : {}) },
            signal: controller.signal,
          });
          await r.arrayBuffer();
          for (const key of batch) shown(key);
        } catch {
          // aborted at the end of the run
        } finally {
          inFlight = false;
          if (waiting.length || touched.size) schedule();
        }
      };
      // refresh: a debounce, as LiveRefresh had; patch: a throttle, so a steady stream still lands.
      const schedule = () => {
        if (mode === "refresh") clearTimeout(timer);
        else if (timer) return;
        timer = setTimeout(
          () => {
            timer = undefined;
            void fetchNow();
          },
          mode === "refresh" ? 30 : PATCH_WINDOW_MS * (0.5 + Math.random()), // jittered like the page
        );
      };
      const onEvent = (type: string, data: unknown) => {
        const payload = data as { conversationId?: string; message?: { seq: number } };
        const isMessage = type === "message.created";
        const seq = payload.message?.seq;
        const key = isMessage ? `${payload.conversationId}:${seq}` : "";
        if (mode === "patch") {
          if (!isMessage) return; // thread.read for the open thread: nothing to fetch
          const id = payload.conversationId!;
          if (id === m.threadId) {
            shown(key); // appended from the event's data
            readSeq = Math.max(readSeq, seq ?? 0);
            clearTimeout(readTimer);
            readTimer = setTimeout(() => {
              pageFetches++;
              void fetch(`${base}/api/conversations/${id}/read`, {
                method: "POST",
                headers: { cookie: m.cookie, "content-type": "application/json" },
                body: JSON.stringify({ seq: readSeq }),
                signal: controller.signal,
              }).then(
                (r) => r.arrayBuffer(),
                () => undefined,
              );
            }, 300);
            enter(id);
            return;
          }
          shown(key); // the row is patched from the event, or joins the page from it
          const joined = !onPage.has(id);
          enter(id);
          if (!joined) return;
          touched.add(id); // its exact unread count is confirmed in the next batch
          schedule();
          return;
        }
        if (key) waiting.push(key);
        schedule();
      };
      void readEvents(res, onEvent);
    }),
  );

  await new Promise((r) => setTimeout(r, 500));
  const cpu0 = cpuSeconds(opts.serverPid);
  const total = Math.round(opts.rate * opts.seconds);
  const start = performance.now() + 20;
  const samples: number[] = [];
  let errors = 0;
  const runs: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const at = start + (i * 1000) / opts.rate;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    runs.push(
      opts
        .send(i)
        .then((r) => {
          samples.push(performance.now() - at);
          if (!r.ok) errors++;
          else sentAt.set(`${r.threadId}:${r.seq}`, at);
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(runs);
  await new Promise((r) => setTimeout(r, 2000));
  const cpu1 = cpuSeconds(opts.serverPid);
  controller.abort();
  const viewLatency = shownAt.flatMap((s) => {
    const t = sentAt.get(s.key);
    return t === undefined ? [] : [s.at - t];
  });
  return {
    send: { ...stats(samples), errors },
    view: { ...stats(viewLatency), expected: total * managers.length },
    cpuPerMessage: (cpu1 - cpu0) / total,
    pageFetches,
  };
}
