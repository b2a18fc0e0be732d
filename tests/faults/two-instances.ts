// Faults with two instances on one PostgreSQL (issue 8), against the production build:
//   TEST_POSTGRES_URL=postgresql://…/postgres tsx tests/faults/two-instances.ts
// 1. 1,000 sends, each retried on the other instance with the same client id after a
//    failure, while instance A is killed with SIGKILL half-way: what is stored equals
//    what was acknowledged, once each; listeners on B received every message once, in
//    order; a listener of A that reconnects to B with its Last-Event-ID misses nothing.
// 2. PostgreSQL restarts during a send loop: sends fail with a clear error while it is
//    down, then succeed again, without restarting the app.
// 3. Presence crosses instances: a manager's tab on A is seen by a colleague's stream on B,
//    never by the teammate's.
// Prints "N passed, M failed" and exits non-zero on a failure.
import { execFile, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { createPrismaClient } from "../../lib/db/create-client";
import { migratePostgres } from "../../lib/db/migrate-postgres";
import { addMessage } from "../../lib/seed/factories";
import { readEvents } from "../../bench/lib/sse";
import { buildOrg } from "../helpers/world";
import { databaseIn, onServer } from "../setup/postgres";
import { startNext, waitForServer } from "../helpers/server";

const server = process.env.TEST_POSTGRES_URL;
if (!server) throw new Error("Set TEST_POSTGRES_URL to a PostgreSQL server (npm test does).");
const SECRET = "faults-secret-not-for-production";
const DB = `faults_${randomUUID().slice(0, 8)}`;
const url = databaseIn(server, DB);
const results: [string, boolean, string][] = [];
const check = (name: string, ok: boolean, detail = "") => {
  results.push([name, ok, detail]);
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
};

const start = (port: number) =>
  startNext(port, { DATABASE_URL: url, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: `http://127.0.0.1:${port}` });
const cookie = async (id: string) =>
  `shiftline.session=${await encode({ token: { sub: id, sv: 0 }, secret: SECRET, maxAge: 3600 })}`;

type Heard = { seqs: number[]; lastId: number; presence: unknown[]; close: () => void };
async function listen(base: string, who: string, conversationId: string, after?: number): Promise<Heard> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/events`, {
    headers: { cookie: who, accept: "text/event-stream", ...(after ? { "last-event-id": String(after) } : {}) },
    signal: controller.signal,
  });
  if (!res.ok) throw new Error(`listen ${base}: HTTP ${res.status}`);
  const heard: Heard = { seqs: [], lastId: after ?? 0, presence: [], close: () => controller.abort() };
  // readEvents gives type and data; the id comes with the payload's sequence below.
  void readEvents(res, (type, data) => {
    const p = data as { conversationId?: string; message?: { seq: number } };
    if (type === "presence") heard.presence.push(data);
    if (type === "message.created" && p.conversationId === conversationId && p.message) heard.seqs.push(p.message.seq);
  });
  return heard;
}

async function waitFor(ok: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50)))
    if (ok()) return true;
  return ok();
}

const inOrderOnce = (seqs: number[], n: number) => seqs.length === n && seqs.every((s, i) => s === i + 1);

const procs: ChildProcess[] = [];
try {
  await onServer(server, (c) => c.query(`CREATE DATABASE ${DB}`));
  await migratePostgres(url);
  const db = createPrismaClient(url);
  const o = await buildOrg(db, "Faults");
  await addMessage(db, {
    organizationId: o.org.id,
    conversationId: o.teammate2.threadId,
    author: null,
    kind: "SYSTEM",
    body: "warm-up",
  });
  await db.$disconnect();

  const A = "http://127.0.0.1:3231";
  const B = "http://127.0.0.1:3232";
  const a = start(3231);
  const b = start(3232);
  procs.push(a, b);
  await Promise.all([waitForServer(A), waitForServer(B)]);
  const manager = await cookie(o.manager.id);
  const teammate = await cookie(o.teammate.id);
  const thread = o.teammate.threadId;

  const onB = await Promise.all([
    listen(B, manager, thread),
    listen(B, await cookie(o.manager2.id), thread),
    listen(B, teammate, thread),
  ]);
  const onA = await listen(A, manager, thread);
  await new Promise((r) => setTimeout(r, 300));

  // The manager's tab, on A, is in the thread and typing: the colleague's stream on B hears it.
  const told = await fetch(`${A}/api/presence`, {
    method: "POST",
    headers: { cookie: manager, "content-type": "application/json", origin: A },
    body: JSON.stringify({ tab: "faultstab1", conversationId: thread, typing: "reply" }),
  });
  const typingSeen = (h: Heard) =>
    h.presence.some((p) => {
      const set = (p as { set?: { conversationId: string; typing: string | null } }).set;
      return set?.conversationId === thread && set.typing === "reply";
    });
  check(
    "a manager's presence on one instance reaches a colleague's stream on the other",
    told.status === 204 && (await waitFor(() => typingSeen(onB[1]!), 5000)),
    `HTTP ${told.status}, ${onB[1]!.presence.length} presence messages on B`,
  );

  // 1,000 sends alternating between the instances; a failure is retried on the other one with the same client id.
  let acknowledged = 0;
  let retried = 0;
  let aDead = false;
  const N = 1000;
  for (let i = 0; i < N; i++) {
    const clientId = randomUUID();
    let target = i % 2 === 0 || aDead ? B : A;
    for (let attempt = 0; attempt < 20; attempt++) {
      const body = JSON.stringify({ body: `fault ${i}`, clientId });
      const sending = fetch(`${target}/api/conversations/${thread}/messages`, {
        method: "POST",
        headers: { cookie: teammate, "content-type": "application/json" },
        body,
      });
      // Half-way, A is killed while a send to it is on its way: stored or not, the answer is lost.
      if (i === N / 2 + 1 && target === A && !aDead) {
        aDead = true;
        setTimeout(() => a.kill("SIGKILL"), 3);
      }
      const res = await sending.catch(() => null);
      if (res?.ok) {
        acknowledged++;
        break;
      }
      retried++;
      target = aDead ? B : target === A ? B : A;
    }
  }
  await new Promise((r) => setTimeout(r, 1500));
  const check1 = createPrismaClient(url);
  const stored = await check1.message.count({ where: { conversationId: thread } });
  const distinct = (await check1.message.findMany({ where: { conversationId: thread }, select: { clientId: true } }))
    .length;
  await check1.$disconnect();
  check(
    "every acknowledged send is stored once, and nothing else",
    stored === acknowledged && acknowledged === N && distinct === N,
    `${stored} stored, ${acknowledged} acknowledged, ${retried} retries`,
  );
  for (const [k, l] of onB.entries())
    check(
      `listener ${k + 1} on the surviving instance got all ${N} once, in order`,
      inOrderOnce(l.seqs, N),
      `${l.seqs.length} events`,
    );

  // The listener of A reconnects to B from the last event it had.
  const last = await onServer(url, (c) =>
    c.query<{ seq: string }>(
      `SELECT "seq" FROM "Event" WHERE "type" = 'message.created' AND "conversationId" = $1 ORDER BY "seq" LIMIT 1 OFFSET $2`,
      [thread, Math.max(onA.seqs.length - 1, 0)],
    ),
  );
  const resumeFrom = onA.seqs.length ? Number(last.rows[0]!.seq) : 0;
  const resumed = await listen(B, manager, thread, resumeFrom || undefined);
  await new Promise((r) => setTimeout(r, 1500));
  const all = [...onA.seqs, ...resumed.seqs];
  check(
    "a listener of the killed instance that reconnects to the other with its Last-Event-ID misses nothing",
    inOrderOnce(all, N),
    `${onA.seqs.length} before, ${resumed.seqs.length} after`,
  );
  // Every message of the run reached the teammate's stream after the presence above: none of it did.
  check(
    "the teammate's stream never hears presence",
    onB[2]!.seqs.length === N && onB[2]!.presence.length === 0,
    `${onB[2]!.presence.length} presence messages`,
  );
  for (const l of [...onB, onA, resumed]) l.close();

  // PostgreSQL restarts during a send loop.
  const outcomes: { ok: boolean; status: number; error?: string }[] = [];
  let restarted = false;
  for (let i = 0; i < 120; i++) {
    if (i === 20 && !restarted) {
      restarted = true;
      execFile(
        "node",
        ["scripts/pg-cluster.mjs", "restart"],
        (error) => error && console.error("restart failed:", error.message),
      );
    }
    const res = await fetch(`${B}/api/conversations/${thread}/messages`, {
      method: "POST",
      headers: { cookie: teammate, "content-type": "application/json" },
      body: JSON.stringify({ body: `during restart ${i}`, clientId: randomUUID() }),
    }).catch(() => null);
    const json = res ? ((await res.json().catch(() => ({}))) as { error?: string }) : {};
    outcomes.push({ ok: Boolean(res?.ok), status: res?.status ?? 0, error: json.error });
    await new Promise((r) => setTimeout(r, 100));
  }
  const failures = outcomes.filter((x) => !x.ok);
  const afterLastFailure = outcomes.slice(outcomes.map((x) => x.ok).lastIndexOf(false) + 1);
  check(
    "while PostgreSQL restarts, sends fail with a clear error",
    failures.length > 0 && failures.every((f) => f.status === 503 && /cannot reach its database/.test(f.error ?? "")),
    `${failures.length} failed: ${[...new Set(failures.map((f) => `${f.status} ${f.error}`))].join("; ")}`,
  );
  check(
    "then succeed again without restarting the app",
    afterLastFailure.length >= 20 && afterLastFailure.every((x) => x.ok),
    `${afterLastFailure.length} in a row after the last failure`,
  );
} catch (error) {
  check("the fault test ran to the end", false, String(error));
} finally {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`)).catch(() => undefined);
}
const failed = results.filter((r) => !r[1]).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
