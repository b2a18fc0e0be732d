// npm run bench (or BENCH_ONLY=search): search over 500,000 messages on SQLite and on a
// throwaway PostgreSQL (bench/lib/search-child.ts, a process per database), as a table:
// two-word searches, what the index adds to a send at 200/s, the database's size.
import { execFileSync } from "node:child_process";
import { loadAverage } from "./lib/latency-table";
import type { Stats } from "./lib/measure";

type Result = {
  database: string;
  messages: number;
  buildMs: number;
  indexMs: number;
  sizeBefore: number;
  sizeAfter: number;
  newest: Stats & { found: number };
  best: Stats & { found: number };
  withIndex: Stats;
  withoutIndex: Stats;
  /** Each side's p95 as the median of its turns' (bench/lib/search-child.ts). */
  turnsP95: { with: number; without: number };
  /** Turns a side. */
  turns: number;
  rate: number;
};

const PG_ENV = { ...process.env, PG_PORT: process.env.BENCH_PG_PORT ?? "55611" };
const loaded = loadAverage();
const child = (env: NodeJS.ProcessEnv): Result => {
  const out = execFileSync("npx", ["tsx", "--conditions=react-server", "bench/lib/search-child.ts"], {
    encoding: "utf8",
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as Result;
};
console.log("Search: a scratch SQLite database of 500,000 messages…");
const results = [child(process.env)];
console.log(JSON.stringify(results[0]));
const ownCluster = !process.env.BENCH_POSTGRES_URL;
const server =
  process.env.BENCH_POSTGRES_URL ??
  execFileSync("node", ["scripts/pg-cluster.mjs", "start"], { env: PG_ENV, encoding: "utf8" }).trim();
try {
  console.log("Search: the same on PostgreSQL…");
  results.push(child({ ...process.env, SEARCH_PG_SERVER: server, NEXTAUTH_SECRET: "bench-only-secret" }));
  console.log(JSON.stringify(results[1]));
} finally {
  if (ownCluster) execFileSync("node", ["scripts/pg-cluster.mjs", "stop"], { env: PG_ENV, stdio: "ignore" });
}

const ms = (v: number) => v.toFixed(1);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
console.log(
  `\nShiftline search benchmark, 2 cores${loaded > 2 ? ` (busy machine: load average ${loaded.toFixed(1)} before the run, figures do not count)` : ""}\n`,
);
console.log("| database | measure | result | goal |  |\n|---|---|---|---|---|");
for (const r of results) {
  const line = (what: string, result: string, goal = "", ok?: boolean) =>
    console.log(`| ${r.database} | ${what} | ${result} | ${goal} | ${ok === undefined ? "" : ok ? "met" : "MISSED"} |`);
  line(
    `two-word search, newest first, ${r.messages.toLocaleString("en")} messages`,
    `p50 ${ms(r.newest.p50)} ms, p95 ${ms(r.newest.p95)} ms (${r.newest.n} searches, ${r.newest.found} results)`,
    "p95 < 100 ms",
    r.newest.p95 < 100,
  );
  line(
    "two-word search, best match first",
    `p50 ${ms(r.best.p50)} ms, p95 ${ms(r.best.p95)} ms`,
    "p95 < 100 ms",
    r.best.p95 < 100,
  );
  const pct = (a: number, b: number) => `${a >= b ? "+" : ""}${((a / b - 1) * 100).toFixed(0)} %`;
  const overhead = r.turnsP95.with / r.turnsP95.without - 1;
  line(
    `send at ${r.rate}/s, with the index / with a plain table instead, in turns (p95: median of ${r.turns} turns each; all sends)`,
    `p95 ${ms(r.turnsP95.with)} / ${ms(r.turnsP95.without)} ms: ${pct(r.turnsP95.with, r.turnsP95.without)}; all sends ${ms(r.withIndex.p95)} / ${ms(r.withoutIndex.p95)} ms: ${pct(r.withIndex.p95, r.withoutIndex.p95)}`,
    "< +20 %",
    overhead < 0.2,
  );
  line(
    "database size without / with the index",
    `${mb(r.sizeBefore)} / ${mb(r.sizeAfter)} (+${((r.sizeAfter / r.sizeBefore - 1) * 100).toFixed(0)} %); index built in ${(r.indexMs / 1000).toFixed(1)} s`,
  );
}
