import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { sql, writeTransaction } from "@/lib/db/sql";
import { makeOrg, cid } from "@/tests/helpers/org";
import { sendInboxMessage } from "@/lib/inbox/send";
import { claim, endInterrupted, enqueueIn, fail, finish } from "./queue";
import { jobKind, type JobKind } from "./kind";
import { registerJob, type JobHandler } from "./registry";
import { pruneEvents } from "./prune";
import { runDueJobs } from "./worker";

const payload = z.object({ i: z.number().optional() });
const kind = (policy: { maxAttempts?: number; leaseMs?: number; everyMs?: number } = {}) =>
  jobKind(`test.${cid()}`, payload, {
    maxAttempts: policy.maxAttempts ?? 5,
    leaseMs: policy.leaseMs,
    everyMs: policy.everyMs,
  });
const add = <P>(k: JobKind<string, P>, p: P, opts?: { key?: string }) =>
  // eslint-disable-next-line shiftline/job-with-its-data -- the queue's own tests: these jobs serve no data
  writeTransaction((tx) => enqueueIn(tx, k, p, { organizationId: null, ...opts }));
const jobsOf = (k: JobKind) =>
  db.job.findMany({
    where: { kind: k.kind },
    select: {
      doneAt: true,
      failedAt: true,
      attempts: true,
      lockedBy: true,
      lockedUntil: true,
      lastError: true,
      runAt: true,
    },
  });
/** A table the handlers write to, to show what they did in the job's own transaction. */
const notes = (k: JobKind) => db.auditEntry.count({ where: { action: k.kind } });
const note = (tx: Parameters<NonNullable<JobHandler<unknown>["giveUp"]>>[0], k: JobKind, orgId: string) =>
  tx.run(sql`INSERT INTO "AuditEntry" ("id", "organizationId", "action", "targetType", "targetId", "createdAt")
    VALUES (${cid()}, ${orgId}, ${k.kind}, 'Job', 'x', ${new Date()})`);

describe("background jobs", () => {
  it("each due job is claimed by exactly one worker, even when they ask at once", async () => {
    const k = kind();
    for (let i = 0; i < 5; i++) await add(k, { i });
    const claims = (await Promise.all(Array.from({ length: 12 }, (_, w) => claim([k], `worker-${w}`)))).filter(Boolean);
    expect(claims).toHaveLength(5);
    expect(new Set(claims.map((j) => j!.id)).size).toBe(5);
    expect(claims.map((j) => (j!.payload as { i: number }).i).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("a job whose worker died is claimed again when its own lease ends; a finished one never", async () => {
    const k = kind({ leaseMs: 90_000 });
    await add(k, {});
    const first = await claim([k], "dead-worker");
    expect(first).toMatchObject({ kind: k.kind, leaseMs: 90_000 });
    expect(await claim([k], "other", new Date(Date.now() + 60_000))).toBeNull(); // within its lease
    const again = await claim([k], "other", new Date(Date.now() + 90_000 + 1000));
    expect(again?.id).toBe(first!.id);
    expect(await finish(first!, "dead-worker")).toBe(false); // the lease moved on: the old holder cannot finish it
    expect(await finish(again!, "other")).toBe(true);
    expect(await claim([k], "third", new Date(Date.now() + 10 * 90_000))).toBeNull();
    expect((await jobsOf(k))[0]!.doneAt).not.toBeNull();
  });

  it("a queued job exists only if its transaction committed", async () => {
    const k = kind();
    await expect(
      writeTransaction(async (tx) => {
        await enqueueIn(tx, k, { i: 1 }, { organizationId: null });
        throw new Error("the data it serves was refused");
      }),
    ).rejects.toThrow("refused");
    await add(k, { i: 2 }); // positive control
    expect((await claim([k], "w"))?.payload).toEqual({ i: 2 });
    expect(await jobsOf(k)).toHaveLength(1);
  });

  it("refuses a payload its kind does not take, and writes nothing", async () => {
    const k = kind();
    await expect(add(k, { i: "one" } as never)).rejects.toThrow();
    expect(await jobsOf(k)).toHaveLength(0);
  });

  it("a failure is tried again later; the last one gives it up once, in the transaction that ends it", async () => {
    const { org } = await makeOrg();
    const k = kind({ maxAttempts: 2 });
    await add(k, {});
    const giveUp = (tx: Parameters<typeof note>[0]) => note(tx, k, org.id).then(() => undefined);
    const job = (await claim([k], "w"))!;
    await fail(job, new Error("SMTP down"), { worker: "w", giveUp });
    const [row] = await jobsOf(k);
    expect(row).toMatchObject({ attempts: 1, lockedBy: null, lastError: "SMTP down", doneAt: null, failedAt: null });
    expect(row!.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await notes(k)).toBe(0);
    const second = (await claim([k], "w", new Date(Date.now() + 60_000)))!;
    await fail(second, new Error("still down"), { worker: "w", giveUp });
    expect((await jobsOf(k))[0]).toMatchObject({
      lastError: "still down",
      doneAt: expect.any(Date),
      failedAt: expect.any(Date),
    });
    expect(await notes(k)).toBe(1);
    expect(await claim([k], "w", new Date(Date.now() + 3600_000))).toBeNull();
  });

  it("a job whose worker died on its last try is given up within the worker's next look, once", async () => {
    const { org } = await makeOrg();
    const k = kind({ maxAttempts: 1, leaseMs: 1000 });
    const ran: string[] = [];
    const registered = registerJob(k, {
      run: async () => void ran.push("ran"),
      giveUp: (tx, _p, ending) => note(tx, k, org.id).then(() => void ran.push(ending.why)),
    });
    await add(k, {});
    const claimed = (await claim([k], "killed"))!; // and its process is killed: nobody finishes it
    expect(claimed.attempts).toBe(1);
    // Within its lease nothing is decided; once it ends, the next look gives it up.
    expect(await endInterrupted([k], async () => undefined, new Date())).toBe(0);
    await db.job.update({ where: { id: claimed.id }, data: { lockedUntil: new Date(Date.now() - 1) } });
    expect(await runDueJobs([registered])).toBe(0);
    expect(ran).toEqual(["interrupted"]);
    expect(await notes(k)).toBe(1);
    expect(await runDueJobs([registered])).toBe(0);
    expect(ran).toEqual(["interrupted"]);
    expect((await jobsOf(k))[0]).toMatchObject({
      failedAt: expect.any(Date),
      lastError: expect.stringContaining("Interrupted"),
    });
  });

  it("the worker renews a running job's lease, so a long job is never claimed twice", async () => {
    const k = kind({ leaseMs: 600 });
    await add(k, {});
    let claimedMeanwhile: unknown = "not asked";
    const registered = registerJob(k, {
      run: async (_p, job) => {
        const start = (await db.job.findUniqueOrThrow({ where: { id: job.id } })).lockedUntil!;
        // Waits for the worker's own renewal (every 200 ms): the lease moves forward while this runs.
        for (let i = 0; i < 500; i++) {
          const now = (await db.job.findUniqueOrThrow({ where: { id: job.id } })).lockedUntil!;
          if (now > start) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        claimedMeanwhile = await claim([k], "other", start);
      },
    });
    expect(await runDueJobs([registered])).toBe(1);
    expect(claimedMeanwhile).toBeNull();
    expect((await jobsOf(k))[0]).toMatchObject({ doneAt: expect.any(Date), failedAt: null });
  });

  it("a worker that lost the lease is told to stop, and does not finish the job it no longer holds", async () => {
    const k = kind();
    await add(k, {});
    let aborted = false;
    const registered = registerJob(k, {
      run: async (_p, job) => {
        await db.job.update({ where: { id: job.id }, data: { lockedBy: "second-worker" } }); // claimed by another meanwhile
        expect(await job.heartbeat()).toBe(false);
        aborted = job.signal.aborted;
      },
    });
    await runDueJobs([registered]);
    expect(aborted).toBe(true);
    expect((await jobsOf(k))[0]).toMatchObject({ doneAt: null, lockedBy: "second-worker" });
  });

  it("a job whose stored payload its kind refuses is ended without running", async () => {
    const k = kind();
    let ran = 0;
    const registered = registerJob(k, { run: async () => void ran++ });
    await add(k, { i: 1 });
    await db.job.updateMany({ where: { kind: k.kind }, data: { payload: { i: "not a number" } } });
    await add(k, { i: 2 }); // positive control: a good one runs
    expect(await runDueJobs([registered])).toBe(2);
    expect(ran).toBe(1);
    const rows = await jobsOf(k);
    expect(rows.filter((r) => r.failedAt)).toHaveLength(1);
    expect(rows.find((r) => r.failedAt)!.lastError).toMatch(/Malformed payload/);
  });

  it("a recurring job keeps one row, rescheduled, and is never given up", async () => {
    const k = kind({ maxAttempts: 2, everyMs: 3600_000 });
    await add(k, {}, { key: k.kind });
    await add(k, {}, { key: k.kind });
    expect(await jobsOf(k)).toHaveLength(1);
    let runs = 0;
    const registered = registerJob(k, {
      run: async () => {
        if (++runs <= 3) throw new Error("database busy");
      },
    });
    for (let i = 0; i < 3; i++) {
      expect(await runDueJobs([registered])).toBe(1);
      await db.job.updateMany({ where: { kind: k.kind }, data: { runAt: new Date(Date.now() - 1) } });
    }
    expect((await jobsOf(k))[0]).toMatchObject({ doneAt: null, failedAt: null, attempts: 0 });
    expect(await runDueJobs([registered])).toBe(1);
    const [row] = await jobsOf(k);
    expect(row).toMatchObject({ doneAt: null, attempts: 0, lockedBy: null, lastError: null });
    expect(row!.runAt.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it("pruning deletes events older than the retention and keeps the rest", async () => {
    const { teammate } = await makeOrg();
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "old", clientId: cid() });
    await db.event.updateMany({
      where: { conversationId: teammate.threadId },
      data: { createdAt: new Date(Date.now() - 30 * 24 * 3600_000) },
    });
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "new", clientId: cid() });
    await pruneEvents();
    const left = await db.event.findMany({ where: { conversationId: teammate.threadId }, select: { payload: true } });
    expect(left.map((e) => (e.payload as { message: { body: string } }).message.body)).toEqual(["new"]);
  });
});
