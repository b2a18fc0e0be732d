// npm run bench (or BENCH_ONLY=observe): what request logs and metrics cost a send. The same
// server, on the same scratch database, with them (as shipped) and without
// (SHIFTLINE_OBSERVE=off, LOG_LEVEL=silent), alternating, at a steady rate: send p95 each way.
// Goal: under 10 % more. BENCH_OBSERVE_RATE (20 sends/s), BENCH_OBSERVE_SECONDS (15).
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { buildScratchDb, MANAGER, threadId } from "./lib/scratch-db";
import { openLoop, sequential, sessionCookie, type Stats } from "./lib/measure";
import { startNext, waitForServer } from "../tests/helpers/server";

const RATE = Number(process.env.BENCH_OBSERVE_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_OBSERVE_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_OBSERVE_PORT ?? 3340);
const CONTACTS = 500;
const SECRET = "bench-only-secret";
const BASE = `http://127.0.0.1:${PORT}`;
const file = path.resolve(".tmp/bench/observe.db");

console.log(`Building a scratch SQLite database with ${CONTACTS} threads…`);
buildScratchDb(file, CONTACTS, CONTACTS * 4);
execFileSync("node", ["scripts/build-if-needed.mjs"], { stdio: "inherit" });

async function run(observed: boolean): Promise<Stats & { errors: number }> {
  const server = startNext(PORT, {
    DATABASE_URL: `file:${file}`,
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: BASE,
    SHIFTLINE_WORKER: "off",
    ...(observed ? { LOG_LEVEL: "info", SHIFTLINE_OBSERVE: "on" } : { LOG_LEVEL: "silent", SHIFTLINE_OBSERVE: "off" }),
  });
  try {
    await waitForServer(BASE);
    const cookie = await sessionCookie(MANAGER, SECRET);
    const send = (i: number) =>
      fetch(`${BASE}/api/conversations/${threadId(i % CONTACTS)}/messages`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ body: `Bench message ${i}`, clientId: randomUUID() }),
      });
    await sequential(30, send); // warm up
    return await openLoop(RATE, SECONDS, send);
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

const load = loadavg()[0]! / cpus().length;
const runs: { observed: boolean; s: Stats & { errors: number } }[] = [];
for (const observed of [false, true, false, true]) runs.push({ observed, s: await run(observed) });
const p95 = (observed: boolean) => {
  const list = runs.filter((r) => r.observed === observed).map((r) => r.s.p95);
  return list.reduce((a, b) => a + b, 0) / list.length;
};
const without = p95(false);
const withThem = p95(true);
const overhead = ((withThem - without) / without) * 100;
console.log(
  `\nShiftline request logs and metrics: send p95 at ${RATE} sends/s for ${SECONDS} s, two runs each way, SQLite, ${cpus().length} cores${load > 0.5 ? ` (busy machine: load ${load.toFixed(2)} per core at the start)` : ""}\n`,
);
console.log("| run | p50 ms | p95 ms | errors |\n|---|---|---|---|");
for (const r of runs)
  console.log(
    `| ${r.observed ? "with logs and metrics" : "without"} | ${r.s.p50.toFixed(1)} | ${r.s.p95.toFixed(1)} | ${r.s.errors} |`,
  );
console.log(
  `\n| measure | without | with | overhead | goal |  |\n|---|---|---|---|---|---|\n| send p95 (mean of the runs) | ${without.toFixed(1)} ms | ${withThem.toFixed(1)} ms | ${overhead.toFixed(1)} % | < 10 % | ${overhead < 10 ? "met" : "MISSED"} |`,
);
