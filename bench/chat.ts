// npm run bench (or BENCH_ONLY=chat): a public conversation of a department with
// 1,000 members, all listening live through HTTP against the production server.
// Half joined it; half are the department's people who have not opened it yet (their
// events come by the department). BENCH_CHAT_MEMBERS (1000), BENCH_CHAT_SECONDS (30).
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { buildScratchDb, MANAGER, ORG, teammateId } from "./lib/scratch-db";
import { openLoop, sessionCookie, stats } from "./lib/measure";
import { openListeners, type Arrival } from "./lib/listeners";
import { openSqlite } from "../lib/db/sqlite-file";
import { startNext, waitForServer } from "../tests/helpers/server";

const MEMBERS = Number(process.env.BENCH_CHAT_MEMBERS ?? 1000);
const SECONDS = Number(process.env.BENCH_CHAT_SECONDS ?? 30);
const RATE = 20;
const PORT = Number(process.env.BENCH_CHAT_PORT ?? 3320);
const SECRET = "bench-only-secret";
const BASE = `http://127.0.0.1:${PORT}`;
const CHANNEL = "bench-channel";
const file = path.resolve(".tmp/bench/chat.db");

console.log(`Building a scratch SQLite database: a department of ${MEMBERS}, its public conversation…`);
buildScratchDb(file, MEMBERS, MEMBERS);
const sqlite = openSqlite(file);
const now = new Date().toISOString().replace("Z", "+00:00");
sqlite.transaction(() => {
  sqlite.prepare(`UPDATE "Organization" SET "chatEnabled" = 1, "chatEnabledAt" = ? WHERE "id" = ?`).run(now, ORG);
  sqlite
    .prepare(
      `INSERT INTO "Department" ("id", "organizationId", "name", "createdAt") VALUES ('bench-dept', ?, 'Care', ?)`,
    )
    .run(ORG, now);
  sqlite.prepare(`UPDATE "TeammateProfile" SET "departmentId" = 'bench-dept' WHERE "organizationId" = ?`).run(ORG);
  sqlite
    .prepare(
      `INSERT INTO "Conversation" ("id", "organizationId", "kind", "departmentId", "name", "createdById", "createdAt") VALUES (?, ?, 'CHANNEL', 'bench-dept', 'Care team', ?, ?)`,
    )
    .run(CHANNEL, ORG, MANAGER, now);
  const join = sqlite.prepare(
    `INSERT INTO "ConversationMember" ("conversationId", "userId", "joinedAt") VALUES (?, ?, ?)`,
  );
  join.run(CHANNEL, MANAGER, now);
  for (let i = 0; i < MEMBERS; i += 2) join.run(CHANNEL, teammateId(i), now);
})();
sqlite.close();
execFileSync("node", ["scripts/build-if-needed.mjs"], { stdio: "inherit" });

const server = startNext(PORT, { DATABASE_URL: `file:${file}`, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: BASE });
process.on("exit", () => server.kill("SIGTERM"));
const rows: string[][] = [];
const ms = (v: number) => v.toFixed(1);
try {
  await waitForServer(BASE);
  const cookies = await Promise.all(Array.from({ length: MEMBERS }, (_, i) => sessionCookie(teammateId(i), SECRET)));
  const manager = await sessionCookie(MANAGER, SECRET);
  const send = (cookie: string, body: string) =>
    fetch(`${BASE}/api/conversations/${CHANNEL}/messages`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ body, clientId: randomUUID() }),
    });
  for (let i = 0; i < 10; i++) await (await send(manager, `warm up ${i}`)).arrayBuffer();

  // When each message was sent (by its body), and what each listener received, in order.
  const sentAt = new Map<string, number>();
  const seqBySend = new Map<number, number>();
  const got: Arrival[][] = Array.from({ length: MEMBERS }, () => []);
  console.log(`Opening ${MEMBERS} live listeners…`);
  const listeners = await openListeners(BASE, cookies, (a) => got[a.listener]!.push(a), "chat.message");
  await new Promise((r) => setTimeout(r, 1000));

  // One message at a time: send-to-receive for all 1,000.
  const single: number[] = [];
  for (let k = 0; k < 20; k++) {
    const body = `one at a time ${k}`;
    sentAt.set(body, performance.now());
    const res = await send(manager, body);
    const { seq } = (await res.json()) as { seq: number };
    seqBySend.set(k, seq);
    // Timed from the send for each listener (an event may arrive before the sender's answer).
    const end = performance.now() + 2000;
    while (performance.now() < end && got.some((g) => !g.some((a) => a.seq === seq)))
      await new Promise((r) => setTimeout(r, 5));
    for (const g of got) {
      const a = g.find((x) => x.seq === seq);
      if (a) single.push(a.at - sentAt.get(body)!);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const one = stats(single);
  rows.push([
    `one message to ${MEMBERS} listeners (20 in turn)`,
    `${one.n}/${20 * MEMBERS}`,
    ms(one.p50),
    ms(one.p95),
    ms(one.p99),
    "p99 < 250 ms",
    one.p99 < 250 && one.n === 20 * MEMBERS ? "met" : "MISSED",
  ]);

  // 20 messages/s for 30 s from the members themselves.
  const firstSeq = Math.max(...[...seqBySend.values()]) + 1;
  const start = performance.now();
  const burstAt = new Map<string, number>();
  const sends = await openLoop(RATE, SECONDS, (i) => {
    burstAt.set(`burst ${i}`, performance.now());
    return send(cookies[(i * 37) % MEMBERS]!, `burst ${i}`);
  });
  const total = RATE * SECONDS;
  const end = performance.now() + 10_000;
  const lastSeq = firstSeq + total - 1;
  while (performance.now() < end && got.some((g) => (g.at(-1)?.seq ?? 0) < lastSeq))
    await new Promise((r) => setTimeout(r, 20));
  const burstLatency: number[] = [];
  let complete = 0;
  let inOrder = 0;
  const lag: number[] = [];
  for (const g of got) {
    const seqs = g.filter((a) => a.seq >= firstSeq).map((a) => a.seq);
    if (seqs.length === total && new Set(seqs).size === total) complete++;
    if (seqs.every((s, k) => k === 0 || s === seqs[k - 1]! + 1)) inOrder++;
    for (const a of g) {
      const t = burstAt.get(a.body);
      if (t !== undefined) burstLatency.push(a.at - t);
    }
    const lastAt = g.find((a) => a.seq === lastSeq)?.at;
    if (lastAt) lag.push(lastAt - start - SECONDS * 1000);
  }
  rows.push([
    `${RATE} messages/s for ${SECONDS} s: sends (POST …/messages)`,
    `${sends.n}, ${sends.errors} errors`,
    ms(sends.p50),
    ms(sends.p95),
    ms(sends.p99),
    "p95 < 100 ms, no error",
    sends.errors === 0 && sends.p95 < 100 ? "met" : "MISSED",
  ]);
  rows.push([
    `${RATE} messages/s for ${SECONDS} s: every listener got all ${total}, once, in order`,
    `${complete}/${MEMBERS} complete, ${inOrder} in order`,
    "",
    "",
    "",
    "none behind, none lost",
    complete === MEMBERS && inOrder === MEMBERS ? "met" : "MISSED",
  ]);
  const burst = stats(burstLatency);
  rows.push([
    `${RATE} messages/s for ${SECONDS} s: send-to-receive (a burst is read in 250 ms windows)`,
    `${burst.n}/${total * MEMBERS}`,
    ms(burst.p50),
    ms(burst.p95),
    ms(burst.p99),
    "-",
    "",
  ]);
  const behind = stats(lag);
  rows.push([
    `last message's arrival after the last send`,
    `${behind.n}`,
    ms(behind.p50),
    ms(behind.p95),
    ms(behind.p99),
    "-",
    "",
  ]);
  const rss =
    Number(
      execFileSync("ps", ["-o", "rss=", "-p", String(server.pid)])
        .toString()
        .trim(),
    ) / 1024;
  rows.push(["server memory (RSS) with the listeners open", `${rss.toFixed(0)} MiB`, "", "", "", "-", ""]);
  listeners.close();
} finally {
  server.kill("SIGTERM");
}

console.log(`\nShiftline chat benchmark, SQLite, a public conversation of ${MEMBERS} listening members, 2 cores\n`);
console.log("| measure | n | p50 ms | p95 ms | p99 ms | goal |  |\n|---|---|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
