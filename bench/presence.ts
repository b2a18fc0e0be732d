// npm run bench (or BENCH_ONLY=presence): several managers in one inbox (issue 29). MANAGERS (50)
// managers each have a thread open and an event stream, and tell their presence as a browser
// does (every 3 s, typing on and off), while teammates send RATE messages/s. Printed: send p95
// with and without them, how long a change takes to show on a colleague's stream, and how many
// database commits the presence signals cost (SQLite's data_version, read from a connection of
// our own, counts every commit the server makes).
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import path from "node:path";
// A second connection of the bench's own, outside the server: it only reads SQLite's commit counter.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- not the app's data access
import Database from "better-sqlite3";
import { buildScratchDb, EXTRA_MANAGERS, managerId, teammateId, threadId } from "./lib/scratch-db";
import { openLoop, sessionCookie, stats } from "./lib/measure";
import { latencyTable, loadAverage } from "./lib/latency-table";
import { readEvents } from "./lib/sse";
import { startNext, waitForServer } from "../tests/helpers/server";

const MANAGERS = Math.min(Number(process.env.BENCH_PRESENCE_MANAGERS ?? 50), EXTRA_MANAGERS);
const SECONDS = Number(process.env.BENCH_PRESENCE_SECONDS ?? 15);
const RATE = 20;
const REPEAT_MS = 3000; // components/presence: a tab repeats its signal every 3 s
const TEAMMATES = 200;
const PORT = Number(process.env.BENCH_PRESENCE_PORT ?? 3340);
const SECRET = "bench-only-secret";
const BASE = `http://127.0.0.1:${PORT}`;
const file = path.resolve(".tmp/bench/presence.db");

console.log(`Building a scratch SQLite database: ${TEAMMATES} teammates, ${EXTRA_MANAGERS + 1} managers…`);
buildScratchDb(file, TEAMMATES, TEAMMATES * 20);
execFileSync("node", ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
const server = startNext(PORT, { DATABASE_URL: `file:${file}`, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: BASE });
process.on("exit", () => server.kill("SIGTERM"));

const { row, print } = latencyTable();

const controller = new AbortController();
try {
  await waitForServer(BASE);
  const teammates = await Promise.all(
    Array.from({ length: TEAMMATES }, (_, i) => sessionCookie(teammateId(i), SECRET)),
  );
  const managers = await Promise.all(Array.from({ length: MANAGERS }, (_, k) => sessionCookie(managerId(k), SECRET)));
  const send = (i: number) => {
    const t = (i * 7) % TEAMMATES;
    return fetch(`${BASE}/api/conversations/${threadId(t)}/messages`, {
      method: "POST",
      headers: { cookie: teammates[t]!, "content-type": "application/json" },
      body: JSON.stringify({ body: `Bench ${i}`, clientId: randomUUID() }),
    });
  };
  await openLoop(RATE, 2, send); // warm up
  const alone = await openLoop(RATE, SECONDS, send);
  row(`${RATE} messages/s, no manager present: send`, alone, `${alone.errors} errors`, "-");

  // Each manager's stream; the first one watches the others' changes arrive.
  const tabs = managers.map((_, k) => `benchtab${String(k).padStart(4, "0")}`);
  const shown = new Map<string, number[]>(); // "key typing" -> each time the watcher saw it
  await Promise.all(
    managers.map(async (cookie, k) => {
      const res = await fetch(`${BASE}/api/events`, { headers: { cookie }, signal: controller.signal });
      if (!res.ok) throw new Error(`stream ${k}: HTTP ${res.status}`);
      void readEvents(res, (type, data) => {
        if (k !== 0 || type !== "presence") return;
        const set = (data as { set?: { key: string; typing: string | null } }).set;
        if (set) {
          const key = `${set.key} ${set.typing}`;
          shown.set(key, [...(shown.get(key) ?? []), performance.now()]);
        }
      });
    }),
  );
  const signal = (k: number, typing: "reply" | null) =>
    fetch(`${BASE}/api/presence`, {
      method: "POST",
      headers: { cookie: managers[k]!, "content-type": "application/json", origin: BASE },
      body: JSON.stringify({ tab: tabs[k], conversationId: threadId(k), typing }),
    });
  for (let k = 0; k < MANAGERS; k++) await (await signal(k, null)).arrayBuffer(); // every thread open
  // Only the busy phase's changes are timed (the quiet phase counts commits).
  const timedFrom = { at: Infinity };

  // A browser's rhythm: each manager signals every REPEAT_MS, typing on one beat, off the next.
  const sent: { key: string; at: number }[] = [];
  const told = new Map<number, string | null>(); // each manager's last state: a repeat of it is no change
  let signals = 0;
  let refused = 0;
  const presenceLoop = async (seconds: number) => {
    const end = performance.now() + seconds * 1000;
    const beats: Promise<void>[] = [];
    for (let beat = 0; performance.now() < end; beat++) {
      for (let k = 1; k < MANAGERS; k++) {
        const at = performance.now() + (k * REPEAT_MS) / MANAGERS; // spread over the beat
        const typing = beat % 2 === 0 ? "reply" : null;
        beats.push(
          new Promise<void>((r) => setTimeout(r, Math.max(0, at - performance.now()))).then(async () => {
            const start = performance.now();
            const res = await signal(k, typing);
            await res.arrayBuffer();
            signals++;
            if (res.status === 429) refused++;
            if (told.get(k) !== typing) sent.push({ key: `${managerId(k)}:${tabs[k]} ${typing}`, at: start });
            told.set(k, typing);
          }),
        );
      }
      await new Promise((r) => setTimeout(r, REPEAT_MS));
    }
    await Promise.all(beats);
  };

  // Presence alone: the database must not commit for it.
  const watcher = new Database(file, { readonly: true, fileMustExist: true });
  const version = () => watcher.pragma("data_version", { simple: true }) as number;
  let commits = 0;
  let last = version();
  const poll = setInterval(() => {
    const v = version();
    if (v !== last) commits++;
    last = v;
  }, 20);
  await presenceLoop(Math.min(SECONDS, 9));
  const quietSignals = signals;
  const quietCommits = commits;
  row(
    `${MANAGERS} managers' presence alone: database commits`,
    null,
    `${quietCommits} commit(s) seen during ${quietSignals} signals (${refused} refused)`,
    "none per signal",
    quietCommits < quietSignals / 10,
  );

  // Then with the messages.
  const loaded = loadAverage();
  timedFrom.at = performance.now();
  const [busy] = await Promise.all([openLoop(RATE, SECONDS, send), presenceLoop(SECONDS)]);
  clearInterval(poll);
  watcher.close();
  row(
    `${RATE} messages/s, ${MANAGERS} managers present and typing: send`,
    busy,
    // The commits seen here are the counter's positive control: each message is one.
    `${busy.errors} errors; ${(alone.p95 ? busy.p95 - alone.p95 : 0).toFixed(1)} ms over no presence; ${commits - quietCommits} commits seen`,
    "p95 < 50 ms",
    busy.p95 < 50 && busy.errors === 0,
  );
  await new Promise((r) => setTimeout(r, 1000));
  // A change (typing on or off) is shown when the watcher's stream has it.
  const delays = sent
    .filter((s) => s.at >= timedFrom.at)
    .flatMap((s) => {
      const seen = shown.get(s.key)?.find((t) => t >= s.at);
      return seen === undefined ? [] : [seen - s.at];
    });
  const changes = sent.filter((s) => s.at >= timedFrom.at).length;
  const got = stats(delays);
  row(
    `presence shown on a colleague's stream (signal sent → event read)`,
    got,
    `${delays.length} of ${changes} changes seen (a repeat of the same state is no event, and not timed)`,
    "p95 < 1000 ms",
    got.p95 < 1000,
  );
  print(`Shiftline presence with ${MANAGERS} managers, SQLite, 2 cores`, loaded);
} finally {
  controller.abort();
  server.kill("SIGTERM");
}
