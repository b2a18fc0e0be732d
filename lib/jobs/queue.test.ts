import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeOrg, cid } from "@/tests/helpers/org";
import { sendInboxMessage } from "@/lib/inbox/send";
import { claim, enqueue, fail, finish, LEASE_MS } from "./queue";
import { pruneEvents } from "./prune";
import { runDueJobs } from "./worker";

const kind = () => `test.${cid()}`;
const jobsOf = (k: string) => db.job.findMany({ where: { kind: k }, select: { doneAt: true, attempts: true, lockedBy: true, lastError: true, runAt: true } });

describe("background jobs", () => {
  it("each due job is claimed by exactly one worker, even when they ask at once", async () => {
    const k = kind();
    for (let i = 0; i < 5; i++) await enqueue(k, { i });
    const claims = (await Promise.all(Array.from({ length: 12 }, (_, w) => claim([k], `worker-${w}`)))).filter(Boolean);
    expect(claims).toHaveLength(5);
    expect(new Set(claims.map((j) => j!.id)).size).toBe(5);
    expect(claims.map((j) => (j!.payload as { i: number }).i).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("a job whose worker died is claimed again when its lease ends; a finished one never", async () => {
    const k = kind();
    await enqueue(k, {});
    const first = await claim([k], "dead-worker");
    expect(first?.kind).toBe(k);
    expect(await claim([k], "other", new Date(Date.now() + 1000))).toBeNull();
    const again = await claim([k], "other", new Date(Date.now() + LEASE_MS + 1000));
    expect(again?.id).toBe(first!.id);
    expect(await finish(first!, "dead-worker")).toBe(false); // the lease moved on: the old holder cannot finish it
    expect(await finish(again!, "other")).toBe(true);
    expect(await claim([k], "third", new Date(Date.now() + 10 * LEASE_MS))).toBeNull();
    expect((await jobsOf(k))[0]!.doneAt).not.toBeNull();
  });

  it("a failure is tried again later, up to its attempts", async () => {
    const k = kind();
    await enqueue(k, {}, { maxAttempts: 2 });
    const job = (await claim([k], "w"))!;
    await fail(job, new Error("SMTP down"), "w");
    const [row] = await jobsOf(k);
    expect(row).toMatchObject({ attempts: 1, lockedBy: null, lastError: "SMTP down", doneAt: null });
    expect(row!.runAt.getTime()).toBeGreaterThan(Date.now());
    const second = (await claim([k], "w", new Date(Date.now() + 60_000)))!;
    await fail(second, new Error("still down"), "w");
    expect(await claim([k], "w", new Date(Date.now() + 3600_000))).toBeNull(); // out of attempts
  });

  it("a recurring job keeps one row, rescheduled", async () => {
    const k = kind();
    await enqueue(k, {}, { key: k });
    await enqueue(k, {}, { key: k });
    expect(await jobsOf(k)).toHaveLength(1);
    const ran: unknown[] = [];
    const next = new Date(Date.now() + 3600_000);
    const handler = async (p: unknown) => {
      ran.push(p);
      return { again: next };
    };
    expect(await runDueJobs({ [k]: handler })).toBe(1);
    expect(ran).toEqual([{}]);
    const [row] = await jobsOf(k);
    expect(row).toMatchObject({ doneAt: null, attempts: 0, lockedBy: null });
    expect(row!.runAt.getTime()).toBe(next.getTime());
  });

  it("pruning deletes events older than the retention and keeps the rest", async () => {
    const { teammate } = await makeOrg();
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "old", clientId: cid() });
    await db.event.updateMany({ where: { conversationId: teammate.threadId }, data: { createdAt: new Date(Date.now() - 30 * 24 * 3600_000) } });
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "new", clientId: cid() });
    await pruneEvents();
    const left = await db.event.findMany({ where: { conversationId: teammate.threadId }, select: { payload: true } });
    expect(left.map((e) => (e.payload as { message: { body: string } }).message.body)).toEqual(["new"]);
  });
});
