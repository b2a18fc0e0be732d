// npm run bench (or BENCH_ONLY=streams): what live events cost with many staff screens
// open (issue 28). BENCH_STREAMS (1000) staff event streams on one instance, read in a
// process of their own (bench/lib/streams-child.ts), while teammates send RATE messages/s
// for BENCH_STREAMS_SECONDS (15); each message reaches every stream. Measured first with
// no stream open (what a send costs by itself), then with the streams: send p95, the
// server's CPU per message, its memory per open stream, and whether every stream got
// every message.
import { randomUUID } from "node:crypto";
import { execFileSync, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import path from "node:path";
import { buildScratchDb, EXTRA_MANAGERS, MANAGER, managerId, teammateId, threadId } from "./lib/scratch-db";
import { cpuSeconds, openLoop, sessionCookie, type Stats } from "./lib/measure";
import { latencyTable, loadAverage } from "./lib/latency-table";
import { startNext, waitForServer } from "../tests/helpers/server";

const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
const SECONDS = Number(process.env.BENCH_STREAMS_SECONDS ?? 15);
const RATE = 20;
const TEAMMATES = 200;
const PORT = Number(process.env.BENCH_STREAMS_PORT ?? 3330);
const SECRET = "bench-only-secret";
const BASE = `http://127.0.0.1:${PORT}`;
const file = path.resolve(".tmp/bench/streams.db");

console.log(`Building a scratch SQLite database: ${TEAMMATES} teammates, ${EXTRA_MANAGERS + 1} managers…`);
buildScratchDb(file, TEAMMATES, TEAMMATES * 20);
execFileSync("node", ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
const server = startNext(PORT, { DATABASE_URL: `file:${file}`, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: BASE });
const readers = spawn("npx", ["tsx", "bench/lib/streams-child.ts"], { stdio: ["pipe", "pipe", "inherit"] });
process.on("exit", () => {
  server.kill("SIGTERM");
  readers.kill("SIGTERM");
});
const answers = createInterface({ input: readers.stdout! })[Symbol.asyncIterator]();
const ask = async <T>(line: string): Promise<T> => {
  readers.stdin!.write(`${line}\n`);
  const next = await answers.next();
  if (next.done) throw new Error("the stream readers stopped");
  return JSON.parse(next.value) as T;
};
const rssKb = () =>
  Number(
    execFileSync("ps", ["-o", "rss=", "-p", String(server.pid)])
      .toString()
      .trim(),
  );

const { row, print } = latencyTable();

try {
  await waitForServer(BASE);
  const teammates = await Promise.all(
    Array.from({ length: TEAMMATES }, (_, i) => sessionCookie(teammateId(i), SECRET)),
  );
  const managers = [
    await sessionCookie(MANAGER, SECRET),
    ...(await Promise.all(Array.from({ length: EXTRA_MANAGERS }, (_, k) => sessionCookie(managerId(k), SECRET)))),
  ];
  // A teammate writes in their own thread: the message reaches every staff stream.
  const send = (i: number) => {
    const t = (i * 7) % TEAMMATES;
    return fetch(`${BASE}/api/conversations/${threadId(t)}/messages`, {
      method: "POST",
      headers: { cookie: teammates[t]!, "content-type": "application/json" },
      body: JSON.stringify({ body: `Bench ${i} @${Date.now()}`, clientId: randomUUID() }),
    });
  };
  await openLoop(RATE, 2, send); // warm up
  const phase = async () => {
    const cpu0 = cpuSeconds(server.pid!);
    const sends = await openLoop(RATE, SECONDS, send);
    return { sends, cpuMs: ((cpuSeconds(server.pid!) - cpu0) * 1000) / (RATE * SECONDS) };
  };
  const alone = await phase();
  row(
    `${RATE} messages/s, no stream open: send`,
    alone.sends,
    `${alone.sends.errors} errors, ${alone.cpuMs.toFixed(1)} CPU ms/message`,
    "-",
  );

  console.log(`Opening ${STREAMS} staff event streams…`);
  const before = rssKb();
  const cookies = Array.from({ length: STREAMS }, (_, k) => managers[k % managers.length]!);
  await ask<{ open: number }>(JSON.stringify({ base: BASE, cookies }));
  await new Promise((r) => setTimeout(r, 2000)); // the streams' first reads settle
  const perStream = (rssKb() - before) / STREAMS;
  await ask("reset");
  const loaded = loadAverage();
  const busy = await phase();
  const total = RATE * SECONDS;
  // Every stream gets every message: wait for them (10 s at most).
  let got = await ask<Stats & { received: number; complete: number }>(`report ${total}`);
  for (let k = 0; k < 100 && got.complete < STREAMS; k++) {
    await new Promise((r) => setTimeout(r, 100));
    got = await ask(`report ${total}`);
  }
  row(
    `${RATE} messages/s, ${STREAMS} staff streams open: send`,
    busy.sends,
    `${busy.sends.errors} errors`,
    "p95 < 50 ms",
    busy.sends.p95 < 50 && busy.sends.errors === 0,
  );
  row(
    `${RATE} messages/s, ${STREAMS} staff streams open: server CPU per message`,
    null,
    `${busy.cpuMs.toFixed(1)} ms (${(busy.cpuMs - alone.cpuMs).toFixed(1)} ms more than with no stream)`,
    "< 10 ms",
    busy.cpuMs < 10,
  );
  row(
    `${RATE} messages/s, ${STREAMS} staff streams open: send-to-receive, every stream`,
    got,
    `${got.complete}/${STREAMS} streams got all ${total}`,
    "all, none lost",
    got.complete === STREAMS,
  );
  row(
    "server memory per open staff stream (RSS growth / streams)",
    null,
    `${perStream.toFixed(0)} KB`,
    "≤ 70 KB",
    perStream <= 70,
  );
  print(`Shiftline live events with ${STREAMS} staff streams, SQLite, 2 cores`, loaded);
  readers.stdin!.write("end\n");
} finally {
  server.kill("SIGTERM");
}
