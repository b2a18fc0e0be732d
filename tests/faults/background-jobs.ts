// Background work survives crashes (issue 24), against the production build, on SQLite, or
// on PostgreSQL with TEST_POSTGRES_URL:
//   [TEST_POSTGRES_URL=…] tsx --conditions=react-server tests/faults/background-jobs.ts
// 1. A grouped message to 2,000 teammates with SMS copies; the server is killed with SIGKILL
//    at three random points (twice while the copies are written, once while the SMS go):
//    every recipient has one copy, every eligible one exactly one SMS sent, nothing is left
//    queued without a job.
// 2. An export whose worker is killed once finishes; one killed on every try ends as
//    interrupted within a minute, with one e-mail and no file left behind.
// 3. A push fan-out claimed by a second instance while the first still runs it: each device
//    gets one push.
// 4. 300 messages sent later, due at once; the server is killed while they leave: each
//    leaves exactly once.
// A killed worker's lease is made to run out at once (a minute's wait otherwise).
// Prints "N passed, M failed" and exits non-zero on a failure.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import JSZip from "jszip";
import webpush from "web-push";
import { buildScratchDb, MANAGER_USER, ORG, teammateId, threadId } from "../../bench/lib/scratch-db";
import { buildScratchPg } from "../../bench/lib/scratch-pg";
import { onServer } from "../setup/postgres";
import { fakePushService } from "../helpers/push-service";
import { pdf, uploadRequest } from "../helpers/files";
import { waitForServer } from "../helpers/server";

const pgServer = process.env.TEST_POSTGRES_URL;
const dialect = pgServer ? "PostgreSQL" : "SQLite";
const N = Number(process.env.FAULTS_RECIPIENTS ?? 2000);
const SECRET = "faults-secret-not-for-production";
const FILES_DIR = path.resolve(`.tmp/faults/files-${process.pid}`);
const DB_NAME = `faults_jobs_${randomUUID().slice(0, 8)}`;

const results: [string, boolean, string][] = [];
const check = (name: string, ok: boolean, detail = "") => {
  results.push([`${dialect}: ${name}`, ok, detail]);
  console.log(`${ok ? "ok  " : "FAIL"} ${dialect}: ${name}${detail ? `: ${detail}` : ""}`);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 180_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

// The database: 2,000 teammates, a mobile number each, three in four who agreed to SMS.
let url: string;
if (pgServer) {
  url = (await buildScratchPg(pgServer, N, N, DB_NAME)).url;
  await onServer(url, async (c) => {
    await c.query(`UPDATE "User" SET "phone" = '+3361' || lpad(substr("id", 2), 7, '0') WHERE "role" = 'TEAMMATE'`);
    await c.query(`UPDATE "TeammateProfile" SET "smsConsent" = (substr("userId", 2)::int % 4 <> 0)`);
  });
} else {
  const file = path.resolve(`.tmp/faults/jobs-${process.pid}.db`);
  buildScratchDb(file, N, N);
  url = `file:${file}`;
  const { openSqlite } = await import("../../lib/db/sqlite-file");
  const raw = openSqlite(file);
  raw
    .prepare(
      `UPDATE "User" SET "phone" = '+3361' || substr('0000000' || substr("id", 2), -7) WHERE "role" = 'TEAMMATE'`,
    )
    .run();
  raw.prepare(`UPDATE "TeammateProfile" SET "smsConsent" = (CAST(substr("userId", 2) AS INTEGER) % 4 <> 0)`).run();
  raw.close();
}
const eligible = Array.from({ length: N }, (_, i) => i).filter((i) => i % 4 !== 0).length;
const vapid = webpush.generateVAPIDKeys();
const env = {
  DATABASE_URL: url,
  NEXTAUTH_SECRET: SECRET,
  FILES_DIR,
  SMS_LIMIT_PER_HOUR: String(N * 10),
  VAPID_PUBLIC_KEY: vapid.publicKey,
  VAPID_PRIVATE_KEY: vapid.privateKey,
  PUSH_ALLOW_LOCAL_ENDPOINTS: "1",
};
Object.assign(process.env, env);
mkdirSync(FILES_DIR, { recursive: true });

const { db } = await import("../../lib/db");
const { sendGroupedMessage } = await import("../../lib/inbox/grouped");
const { sendInboxMessage } = await import("../../lib/inbox/send");
const { requestAttachmentsExport } = await import("../../lib/exports/jobs");
const { exportsDir } = await import("../../lib/exports/queue");
const { receiveFiles } = await import("../../lib/files/receive");
const { saveSubscription } = await import("../../lib/push/settings");

const manager = MANAGER_USER;

// The production server, started and killed by this script only (by its own PID).
const procs: ChildProcess[] = [];
function start(port: number) {
  const p = spawn("node", ["scripts/server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "ignore", "ignore"],
  });
  procs.push(p);
  return { proc: p, ready: waitForServer(`http://127.0.0.1:${port}`) };
}
async function kill(p: ChildProcess) {
  const gone = new Promise((r) => p.once("exit", r));
  p.kill("SIGKILL");
  await gone;
}
/** The killed worker's leases run out now (a minute later otherwise), so the next start takes its jobs again. */
const expireLeases = () =>
  db.job.updateMany({
    where: { doneAt: null, lockedBy: { not: null } },
    data: { lockedUntil: new Date(Date.now() - 1000) },
  });

try {
  // 1. A grouped message with SMS copies, three kills.
  const { batchId } = await sendGroupedMessage(manager, {
    who: { filters: {} },
    body: "Fire drill at 3 pm",
    clientId: randomUUID(),
    smsCopy: true,
  });
  let server = start(3241);
  await server.ready;
  const copies = () => db.batchRecipient.count({ where: { batchId, messageId: { not: null } } });
  const smsSent = () => db.smsDelivery.count({ where: { message: { batchId }, status: "SENT" } });
  const killedAt: string[] = [];
  for (let k = 0; k < 3; k++) {
    if (k < 2) {
      // Somewhere in the first or the second half of the copies.
      const at = Math.floor(N * (0.1 + k * 0.45 + Math.random() * 0.3));
      await until("copies to kill at", async () => (await copies()) >= at);
      killedAt.push(`copy ${await copies()}`);
    } else {
      const at = Math.floor(eligible * (0.2 + Math.random() * 0.5));
      await until("SMS to kill at", async () => (await smsSent()) >= at);
      killedAt.push(`SMS ${await smsSent()}`);
    }
    await kill(server.proc);
    await expireLeases();
    server = start(3241);
    await server.ready;
  }
  await until("the batch and its SMS", async () => {
    const batch = await db.messageBatch.findUniqueOrThrow({ where: { id: batchId } });
    return batch.postedAt && (await db.smsDelivery.count({ where: { message: { batchId }, status: "QUEUED" } })) === 0;
  });
  const perThread = await db.message.groupBy({ by: ["conversationId"], where: { batchId }, _count: true });
  check(
    `a grouped message to ${N}, killed at three points (${killedAt.join(", ")}): one copy each`,
    perThread.length === N && perThread.every((t) => t._count === 1),
  );
  const sms = await db.smsDelivery.findMany({
    where: { message: { batchId } },
    select: { recipientId: true, status: true },
  });
  check(
    `every eligible one (${eligible}) got exactly one SMS, sent`,
    sms.length === eligible &&
      new Set(sms.map((s) => s.recipientId)).size === eligible &&
      sms.every((s) => s.status === "SENT"),
    `${sms.length} rows, ${sms.filter((s) => s.status === "SENT").length} sent`,
  );
  const orphans = await db.smsDelivery.count({ where: { status: "QUEUED" } });
  const failedJobs = await db.job.count({ where: { failedAt: { not: null } } });
  check(
    "nothing left queued without a job, no job given up",
    orphans === 0 && failedJobs === 0,
    `${orphans} queued, ${failedJobs} given up`,
  );

  // 2. Exports: files of 50 teammates, four half-megabyte PDFs each.
  const big = Buffer.concat([pdf(), Buffer.alloc(512 * 1024, 0x20)]);
  for (let i = 0; i < 50; i++) {
    const got = await receiveFiles(
      uploadRequest(
        Array.from({ length: 4 }, (_, f) => ({ name: `shift-${i}-${f}.pdf`, data: big, type: "application/pdf" })),
      ),
      {
        organizationId: ORG,
        conversationId: threadId(i),
        uploaderId: teammateId(i),
        fromStaff: false,
      },
    );
    const teammate = { ...manager, id: teammateId(i), role: "TEAMMATE" as const, email: `t${i}@bench.test` };
    await sendInboxMessage(teammate, {
      conversationId: threadId(i),
      body: "",
      clientId: randomUUID(),
      attachmentIds: got.files.map((f) => f.id),
    });
  }
  const filesOf = (id: string) => {
    try {
      return readdirSync(exportsDir()).filter((n) => n.startsWith(id));
    } catch {
      return [];
    }
  };
  // Half-way through a try (started after `after`): its zip is being written (a .part file with bytes in it).
  const writing = async (id: string, after = new Date(0)) => {
    const e = await until("a try of the export", async () => {
      const row = await db.exportJob.findUniqueOrThrow({ where: { id } });
      return row.startedAt && row.startedAt > after ? row : null;
    });
    await until("the export's zip to be half-written", async () =>
      filesOf(id).some(
        (n) => n.endsWith(".zip.part") && statSync(path.join(exportsDir(), n), { throwIfNoEntry: false })?.size,
      ),
    );
    return e.startedAt!;
  };
  const once = await requestAttachmentsExport(manager, { filters: {} });
  await writing(once.id);
  await kill(server.proc);
  await expireLeases();
  server = start(3241);
  await server.ready;
  const done = await until("the export to finish", async () => {
    const e = await db.exportJob.findUniqueOrThrow({ where: { id: once.id }, include: { parts: true } });
    return e.status === "DONE" || e.status === "FAILED" ? e : null;
  });
  const zip = done.filePath ? await JSZip.loadAsync(await readFile(done.filePath)) : null;
  const entries = zip ? Object.values(zip.files).filter((f) => !f.dir).length : 0;
  const ready = await until("its e-mail", async () => {
    const m = await db.emailOutbox.findMany({ where: { text: { contains: once.id } } });
    return m.length && m.every((x) => x.status === "SENT") ? m : null;
  });
  check(
    "an export killed once finishes: a valid zip with every file, one e-mail, no half-written file",
    done.status === "DONE" &&
      entries === 201 &&
      ready.length === 1 &&
      filesOf(once.id).every((n) => !n.endsWith(".part")),
    `${done.status}, ${entries} entries, ${ready.length} e-mail, files: ${filesOf(once.id).join(" ")}`,
  );

  const doomed = await requestAttachmentsExport(manager, { filters: {} });
  let tried: Date | undefined;
  for (let attempt = 1; attempt <= 3; attempt++) {
    tried = await writing(doomed.id, tried);
    await kill(server.proc);
    await expireLeases();
    server = start(3241);
    if (attempt < 3) await server.ready;
  }
  const leftBehind = filesOf(doomed.id).length; // the last try's half-written zip
  const expired = Date.now(); // the last try's lease has just run out
  await server.ready;
  const ended = await until("the export to end", async () => {
    const e = await db.exportJob.findUniqueOrThrow({ where: { id: doomed.id } });
    return e.status === "FAILED" ? e : null;
  });
  const tookS = (Date.now() - expired) / 1000;
  const mails = await until("the e-mail", async () => {
    const m = await db.emailOutbox.findMany({ where: { subject: "Your Shiftline export could not be built" } });
    return m.length && m.every((x) => x.status === "SENT") ? m : null;
  });
  await sleep(6000); // a second look of the worker (every 5 s) adds no second e-mail
  const mailsLater = await db.emailOutbox.count({ where: { subject: "Your Shiftline export could not be built" } });
  check(
    "an export killed on every try ends as interrupted within a minute, with one e-mail and no file left",
    ended.error === "errors.export.interrupted" &&
      tookS < 60 &&
      mails.length === 1 &&
      mailsLater === 1 &&
      leftBehind > 0 &&
      filesOf(doomed.id).length === 0,
    `${ended.error} after ${tookS.toFixed(1)} s, ${mailsLater} e-mail, files: ${leftBehind} before, ${filesOf(doomed.id).length} after`,
  );

  // 3. A push fan-out to 150 devices, claimed by a second instance while the first still runs it.
  const service = await fakePushService({ delayMs: 20 });
  try {
    const owner = { ...manager, id: teammateId(1), role: "TEAMMATE" as const, email: "t1@bench.test" };
    for (let d = 0; d < 150; d++)
      await saveSubscription(owner, service.device(`d${d}`).subscription, { sessionId: `s${d}`, userAgent: "faults" });
    const second = start(3242);
    await second.ready;
    await sendInboxMessage(manager, {
      conversationId: threadId(1),
      body: "Your shift starts at 7",
      clientId: randomUUID(),
    });
    await until("the fan-out to be under way", async () => service.received.length >= 30);
    await expireLeases(); // the first worker is slow: its lease runs out, the other instance takes the job
    await until("every device", async () => new Set(service.received.map((r) => r.device)).size >= 150, 60_000);
    await until(
      "the push job to end",
      async () => (await db.job.count({ where: { kind: "message.notify", doneAt: null } })) === 0,
      60_000,
    );
    const perDevice = new Map<string, number>();
    for (const r of service.received) perDevice.set(r.device, (perDevice.get(r.device) ?? 0) + 1);
    const twice = [...perDevice.values()].filter((n) => n > 1).length;
    const claims = await db.pushDelivery.count();
    check(
      "a push fan-out claimed twice reaches each of 150 devices once",
      perDevice.size === 150 && twice === 0,
      `${service.received.length} pushes, ${twice} devices twice, ${claims} deliveries`,
    );
    await kill(second.proc);
  } finally {
    await service.close();
  }

  // 4. Messages sent later (issue 30): 300 due at once, the server killed while they leave.
  const { scheduleMessage } = await import("../../lib/inbox/scheduled");
  const { utcToLocalInput } = await import("../../lib/text/time");
  const M = 300;
  const local = utcToLocalInput(new Date(Date.now() + 3600_000), "Europe/Paris");
  for (let i = 0; i < M; i++)
    await scheduleMessage(
      manager,
      {
        conversationId: threadId(i),
        body: `Scheduled ${i}`,
        clientId: randomUUID(),
        sendAt: local,
        smsCopy: false,
        urgent: false,
      },
      "Europe/Paris",
    );
  await db.job.updateMany({ where: { kind: "message.scheduled", doneAt: null }, data: { runAt: new Date() } });
  const left = () => db.scheduledMessage.count({ where: { status: "SENT" } });
  const at = Math.floor(M * (0.2 + Math.random() * 0.5));
  await until("scheduled messages to kill at", async () => (await left()) >= at);
  const killedScheduled = await left();
  await kill(server.proc);
  await expireLeases();
  server = start(3241);
  await server.ready;
  await until("every scheduled message", async () => (await left()) === M, 60_000);
  const laterCopies = await db.message.groupBy({
    by: ["conversationId"],
    where: { body: { startsWith: "Scheduled " } },
    _count: true,
  });
  const notSent = await db.scheduledMessage.count({ where: { status: { not: "SENT" } } });
  check(
    `${M} messages sent later, the server killed after ${killedScheduled}: each left exactly once`,
    laterCopies.length === M && laterCopies.every((c) => c._count === 1) && notSent === 0,
    `${laterCopies.length} threads, ${laterCopies.filter((c) => c._count !== 1).length} with more or less than one, ${notSent} not sent`,
  );
} catch (error) {
  check("the fault test ran to the end", false, String((error as Error).stack ?? error));
} finally {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) await kill(p);
  await db.$disconnect();
  const { closeSql } = await import("../../lib/db/sql");
  await closeSql();
  if (pgServer)
    await onServer(pgServer, (c) => c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`)).catch(() => undefined);
  else for (const s of ["", "-wal", "-shm"]) rmSync(url.slice("file:".length) + s, { force: true });
  rmSync(FILES_DIR, { recursive: true, force: true });
}
const failed = results.filter((r) => !r[1]).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
