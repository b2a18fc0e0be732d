// npm run bench: the inbox at scale, measured through HTTP against the production
// server, and printed as a table next to the goals of issue 3.
// BENCH_CONTACTS (5000), BENCH_MESSAGES (500000), BENCH_LISTENERS (2000), BENCH_SECONDS (10),
// BENCH_STAFF_MODES ("patch"; "refresh,patch" to compare with the page re-render of before issue 7; "none"),
// BENCH_ONLY ("staff": only the browser-like staff rows; "weight": only the pages' JavaScript; "core": only the
// inbox's pages, sends and listeners (with BENCH_CONTACTS=10000 BENCH_MESSAGES=2000000: issue 28's organisation); "files", "grouped" or
// "chat", "streams", "presence", "search", "people" or "observe": only bench/files.ts, bench/grouped.ts, bench/chat.ts,
// bench/streams.ts, bench/presence.ts, bench/search.ts, bench/people.ts or bench/observe.ts,
// which a full run ends with), BENCH_DB ("postgres": the same on a
// throwaway PostgreSQL, plus two instances and an idle instance's queries; BENCH_POSTGRES_URL
// to use a server of your own instead).
import { execFileSync } from "node:child_process";

// Files (uploads and exports) have a table of their own (bench/files.ts).
const OWN_TABLES = {
  files: "./files",
  grouped: "./grouped",
  chat: "./chat",
  people: "./people",
  observe: "./observe",
  streams: "./streams",
  presence: "./presence",
  search: "./search",
} as const;
const own = OWN_TABLES[process.env.BENCH_ONLY as keyof typeof OWN_TABLES];
if (own) {
  await import(own);
  process.exit(0);
}
import { randomUUID } from "node:crypto";
import path from "node:path";
import { availableParallelism } from "node:os";
import { buildScratchDb, EXTRA_MANAGERS, MANAGER, managerId, teammateId, threadId } from "./lib/scratch-db";
import { maxRate, openLoop, sequential, sessionCookie, stats, type Stats } from "./lib/measure";
import { openListeners } from "./lib/listeners";
import { runStaffBrowsers, type Mode } from "./lib/staff-browsers";
import { buildScratchPg } from "./lib/scratch-pg";
import { crossInstance, idleQueries } from "./lib/instances";
import { startNext, waitForServer } from "../tests/helpers/server";
import { firstLoadJs } from "./lib/page-weight";
import { floorWeight } from "./lib/floor-app";
import { lighthouseScore } from "./lib/lighthouse";
import { settle } from "./lib/latency-table";

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 5000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 500_000);
const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const STAFF_MODES = (process.env.BENCH_STAFF_MODES ?? "patch").split(",").filter((m) => m && m !== "none") as Mode[];
const ONLY_STAFF = process.env.BENCH_ONLY === "staff";
const ONLY_WEIGHT = process.env.BENCH_ONLY === "weight";
const ONLY_CORE = process.env.BENCH_ONLY === "core";
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const SECRET = "bench-only-secret";
const BASE = `http://127.0.0.1:${PORT}`;
const file = path.resolve(".tmp/bench/inbox.db");

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "-");
const rows: string[][] = [];
const row = (what: string, s: Partial<Stats> & { extra?: string }, goal: string, ok?: boolean) =>
  rows.push([
    what,
    String(s.n ?? ""),
    ms(s.p50 ?? NaN),
    ms(s.p95 ?? NaN),
    ms(s.p99 ?? NaN),
    s.extra ?? "",
    goal,
    ok === undefined ? "" : ok ? "met" : "MISSED",
  ]);

const POSTGRES = process.env.BENCH_DB === "postgres";
const PG_ENV = { ...process.env, PG_PORT: process.env.BENCH_PG_PORT ?? "55601" };
let pgServer = process.env.BENCH_POSTGRES_URL;
const ownCluster = POSTGRES && !pgServer;
if (ownCluster)
  pgServer = execFileSync("node", ["scripts/pg-cluster.mjs", "start"], { env: PG_ENV, encoding: "utf8" }).trim();

console.log(
  `Building a scratch ${POSTGRES ? "PostgreSQL" : "SQLite"} database: ${CONTACTS} contacts, ${MESSAGES} messages…`,
);
let databaseUrl = `file:${file}`;
if (POSTGRES) {
  const built = await buildScratchPg(pgServer!, CONTACTS, MESSAGES);
  databaseUrl = built.url;
  console.log(`  built in ${(built.ms / 1000).toFixed(1)} s`);
} else {
  const built = buildScratchDb(file, CONTACTS, MESSAGES);
  console.log(`  built in ${(built / 1000).toFixed(1)} s`);
}
execFileSync("node", ["scripts/build-if-needed.mjs"], { stdio: "inherit" });

const startServer = (port: number) =>
  startNext(port, {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: BASE,
    SHIFTLINE_BENCH_FLOOR: "1",
  });
const server = startServer(PORT);
let second: ReturnType<typeof startServer> | undefined;
const stop = () => {
  server.kill("SIGTERM");
  second?.kill("SIGTERM");
  if (ownCluster) execFileSync("node", ["scripts/pg-cluster.mjs", "stop"], { env: PG_ENV, stdio: "ignore" });
};
process.on("exit", stop);

try {
  await waitForServer(BASE);
  const manager = await sessionCookie(MANAGER, SECRET);
  const get = (p: string) => fetch(`${BASE}${p}`, { headers: { cookie: manager } });
  const send = (i: number, cookie = manager, conversationId = threadId(i % CONTACTS)) =>
    fetch(`${BASE}/api/conversations/${conversationId}/messages`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ body: `Bench message ${i}`, clientId: randomUUID() }),
    });
  const floor = () =>
    fetch(`${BASE}/api/bench/floor`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body: "Bench message" }),
    });

  await sequential(10, () => get("/inbox")); // warm up
  if (!ONLY_CORE) await pageWeight();
  if (!ONLY_STAFF && !ONLY_WEIGHT) await corePaths();
  if (!ONLY_WEIGHT && !ONLY_CORE) for (const mode of STAFF_MODES) await staffBrowsers(mode);
  if (POSTGRES && !ONLY_STAFF && !ONLY_WEIGHT) {
    console.log(`Starting a second instance; ${LISTENERS} listeners split between the two…`);
    second = startServer(PORT + 1);
    const cross = await crossInstance(BASE, `http://127.0.0.1:${PORT + 1}`, LISTENERS, SECRET, send);
    row(
      `send-to-receive across 2 instances, ${LISTENERS} listeners`,
      { ...cross, extra: `${cross.n}/${cross.expected} delivered` },
      "p99 < 250 ms",
      cross.p99 < 250 && cross.n === cross.expected,
    );
    second.kill("SIGTERM");
    second = undefined;
    const idle = await idleQueries(BASE, databaseUrl, SECRET, { pauseAutovacuum: ownCluster });
    row(
      `queries an idle instance makes (10 streams open${ownCluster ? "; the server's autovacuum paused" : ", with the server's autovacuum"})`,
      { extra: `${idle.toFixed(2)}/s` },
      "≤ 1/s",
      idle <= 1,
    );
  }
  async function pageWeight() {
    const teammate = await sessionCookie(teammateId(0), SECRET);
    console.log("Building the framework's floor app (a scratch Next.js app on the same node_modules)…");
    // Lighthouse on the floor too (issue 28's goal 2 is ≥ 95 on /me): what the framework alone scores here.
    const lighthouseRuns = async (url: string, cookie: string) => {
      const runs: (Awaited<ReturnType<typeof lighthouseScore>> & { load: number })[] = [];
      for (let k = 0; k < 3; k++) {
        const load = await settle();
        runs.push({ ...(await lighthouseScore(url, cookie)), load });
      }
      return runs;
    };
    const floorApp = await floorWeight(PORT + 50, (url) => lighthouseRuns(url, ""));
    row(
      "first-load JavaScript of the framework floor (one client component), gzipped",
      { extra: `${floorApp.kb.toFixed(1)} KB in ${floorApp.files} files` },
      "",
    );
    // Budgets over the floor (issue 28): teammates' and visitors' pages +15 KB, staff pages +25 KB.
    for (const [path, cookie, budget] of [
      ["/sign-in", "", 15],
      ["/me", teammate, 15],
      ["/me/schedule", teammate, 15],
      ["/me/profile", teammate, 15],
      ["/inbox", manager, 25],
      [`/inbox/${threadId(0)}`, manager, 25],
      ["/schedule", manager, 25],
      ["/teammates", manager, 25],
    ] as const) {
      const { kb, files, each } = await firstLoadJs(BASE, path, cookie);
      // BENCH_WEIGHT_FILES=1: which files make each page's weight (to find what to cut).
      if (process.env.BENCH_WEIGHT_FILES)
        console.log(path, each.map((f) => `${f.url.split("/").pop()} ${f.kb.toFixed(1)}`).join(", "));
      const over = kb - floorApp.kb;
      row(
        `first-load JavaScript of ${path.replace(threadId(0), ":id")}, gzipped`,
        { extra: `${kb.toFixed(1)} KB in ${files} files, floor +${over.toFixed(1)} KB` },
        `floor + ${budget} KB`,
        over <= budget,
      );
    }
    // The median of 3 runs, on an idle machine: each waits for the load to settle (after the build),
    // and a run that still starts with the load average above the cores is marked as not counting.
    // /me is the teammate's thread (served there directly).
    console.log("Lighthouse, mobile, on /me (performance, accessibility, PWA), 3 runs…");
    const runs = await lighthouseRuns(`${BASE}/me`, teammate);
    type Runs = typeof runs;
    const medianOf = (of: Runs, pick: (r: Runs[number]) => number) => of.map(pick).sort((a, b) => a - b)[1]!;
    const median = (pick: (r: Runs[number]) => number) => medianOf(runs, pick);
    const lh = runs.toSorted((a, b) => a.score - b.score)[1]!;
    const busy = Math.max(...runs.map((r) => r.load));
    const tbt = median((r) => r.tbtMs);
    const floorRuns = floorApp.also!;
    const floorBusy = Math.max(...floorRuns.map((r) => r.load));
    row(
      "Lighthouse mobile performance of the framework floor, median of 3 (the reference for /me's)",
      {
        extra: `${medianOf(floorRuns, (r) => r.score)} (runs ${floorRuns.map((r) => r.score).join(", ")}; TBT ${medianOf(floorRuns, (r) => r.tbtMs).toFixed(0)} ms)${floorBusy > availableParallelism() ? `; busy machine (load average up to ${floorBusy.toFixed(1)}), does not count` : ""}`,
      },
      "",
    );
    row(
      "Lighthouse mobile performance of /me (the teammate's thread), median of 3",
      {
        extra: `${lh.score} (runs ${runs.map((r) => r.score).join(", ")}; LCP ${median((r) => r.lcpMs).toFixed(0)} ms, TBT ${tbt.toFixed(0)} ms, CLS ${median((r) => r.cls).toFixed(3)}; machine's benchmark index ${median((r) => r.benchmarkIndex).toFixed(0)})${busy > availableParallelism() ? `; busy machine (load average up to ${busy.toFixed(1)}), does not count` : ""}`,
      },
      "≥ 95, TBT < 200 ms",
      lh.score >= 95 && tbt < 200,
    );
    row("Lighthouse mobile accessibility of /me", { extra: String(lh.accessibility) }, "100", lh.accessibility === 100);
    row(
      `Lighthouse PWA checks of /me (${lh.pwa.ids.join(", ")})`,
      {
        extra: `${lh.pwa.passed} of ${lh.pwa.total} pass${lh.pwa.failed.length ? `; failed: ${lh.pwa.failed.join(", ")}` : ""}`,
      },
      "all",
      lh.pwa.passed === lh.pwa.total,
    );
  }

  async function staffBrowsers(mode: Mode) {
    console.log(`${EXTRA_MANAGERS} browser-like managers (${mode}), 20 inbound messages/s for 30 s…`);
    const managers = await Promise.all(
      Array.from({ length: EXTRA_MANAGERS }, async (_, k) => ({
        cookie: await sessionCookie(managerId(k), SECRET),
        threadId: threadId(k),
      })),
    );
    const teammateCookies = await Promise.all(
      Array.from({ length: 200 }, (_, i) => sessionCookie(teammateId(i), SECRET)),
    );
    const r = await runStaffBrowsers({
      base: BASE,
      mode,
      managers,
      rate: 20,
      seconds: 30,
      serverPid: server.pid!,
      send: async (i) => {
        const t = (i * 7) % 200; // a quarter of them land in a thread some manager has open
        const res = await send(i, teammateCookies[t], threadId(t));
        const body = (await res.json()) as { seq?: number };
        return { threadId: threadId(t), seq: body.seq ?? -1, ok: res.ok };
      },
    });
    const label = mode === "refresh" ? "page re-render on every event (before)" : "patched from events";
    row(
      `50 managers, ${label}: inbound send`,
      { ...r.send, extra: `${r.send.errors} errors` },
      "p95 < 50 ms",
      r.send.p95 < 50 && r.send.errors === 0,
    );
    row(
      `50 managers, ${label}: message shown`,
      { ...r.view, extra: `${r.view.n}/${r.view.expected} shown` },
      "p95 < 500 ms",
      r.view.p95 < 500 && r.view.n >= r.view.expected,
    );
    row(
      `50 managers, ${label}: server CPU`,
      { extra: `${(r.cpuPerMessage * 1000).toFixed(1)} CPU ms/message, ${r.pageFetches} page fetches` },
      "-",
    );
  }

  async function corePaths() {
    const list = await sequential(100, () => get("/inbox"));
    row("inbox list page (GET /inbox)", list, "p95 < 100 ms", list.p95 < 100);
    const sorted = await sequential(50, (i) =>
      get(`/inbox?sort=${["name", "received", "unprocessed"][i % 3]}&unread=${i % 2}`),
    );
    row("inbox list, sorted and filtered", sorted, "p95 < 100 ms", sorted.p95 < 100);
    const thread = await sequential(100, (i) => get(`/inbox/${threadId((i * 37) % CONTACTS)}`));
    row("open a thread (GET /inbox/:id)", thread, "p95 < 100 ms", thread.p95 < 100);

    // Warmed up as the floor is, at 16 in flight: the steady rows measure a server in use, not a
    // pool's first connections (each new one prepares its statements; what queued meanwhile
    // would fill the first second of the 200/s row).
    await sequential(20, (i) => send(i));
    await maxRate(16, 1, (i) => send(i));
    await maxRate(16, 1, () => floor()); // warm up
    const floorRate = await maxRate(16, 5, () => floor());
    // 200/s, or half the bare floor on a machine where that is less (machines differ threefold).
    // The floor is served as the send is, by the Node server (lib/api/node-routes.ts, decision 018).
    const pace = Math.min(200, Math.floor(floorRate.rate / 2));
    const steady = await openLoop(pace, SECONDS, (i) => send(i));
    row(
      `send at a steady ${pace}/s (POST …/messages)`,
      {
        ...steady,
        extra: `${steady.errors} errors${pace < 200 ? `; 200/s is more than half this machine's floor (${floorRate.rate.toFixed(0)}/s)` : ""}`,
      },
      "p95 < 50 ms",
      steady.p95 < 50 && steady.errors === 0,
    );

    const sendRate = await maxRate(16, 5, (i) => send(i));
    row(
      "highest send rate (16 in flight)",
      { extra: `${sendRate.rate.toFixed(0)}/s (floor ${floorRate.rate.toFixed(0)}/s)` },
      "≥ half the floor",
      sendRate.rate >= floorRate.rate / 2,
    );

    console.log(`Opening ${LISTENERS} live listeners…`);
    const staffListeners = Math.min(10, LISTENERS);
    const teammates = LISTENERS - staffListeners;
    const cookies = [
      ...(await Promise.all(Array.from({ length: teammates }, (_, i) => sessionCookie(teammateId(i), SECRET)))),
      ...Array.from({ length: staffListeners }, () => manager),
    ];
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const listeners = await openListeners(BASE, cookies, (a) => {
      const t = sentAt.get(a.conversationId);
      if (t !== undefined) latencies.push(a.at - t);
    });
    await new Promise((r) => setTimeout(r, 1000));
    const probes = Math.min(200, teammates);
    for (let k = 0; k < probes; k++) {
      sentAt.set(threadId(k), performance.now());
      void send(k).then((r) => r.arrayBuffer());
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 2000));
    const expected = probes * (1 + staffListeners);
    const live = stats(latencies);
    const rss =
      Number(
        execFileSync("ps", ["-o", "rss=", "-p", String(server.pid)])
          .toString()
          .trim(),
      ) / 1024;
    row(
      `send-to-receive, ${LISTENERS} listeners`,
      { ...live, extra: `${latencies.length}/${expected} delivered` },
      "p99 < 250 ms",
      live.p99 < 250 && latencies.length === expected,
    );
    row("server memory (RSS) with the listeners open", { extra: `${rss.toFixed(0)} MiB` }, "-");
    listeners.close();
  }
} finally {
  stop();
}

console.log(
  `\nShiftline inbox benchmark on ${POSTGRES ? "PostgreSQL" : "SQLite"}: ${CONTACTS} contacts, ${MESSAGES} messages, ${LISTENERS} listeners, 2 cores\n`,
);
const header = ["measure", "n", "p50 ms", "p95 ms", "p99 ms", "", "goal", ""];
console.log(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
if (!process.env.BENCH_ONLY) {
  await import("./files");
  await import("./grouped");
  await import("./chat");
  await import("./streams");
  await import("./presence");
  await import("./search");
  await import("./people");
  await import("./observe");
}
process.exit(0);
