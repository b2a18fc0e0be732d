import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cid, makeOrg } from "@/tests/helpers/org";
import { captureLogs, log, scrub } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { watchQueue } from "@/lib/jobs/queue-metrics";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { jobKind } from "@/lib/jobs/kind";
import { writeTransaction } from "@/lib/db/sql";
import { runDueJobs as runJobs } from "@/lib/jobs/worker";
import { registerJob } from "@/lib/jobs/registry";
import { runDueJobs } from "@/lib/worker";
import { sendInboxMessage } from "@/lib/inbox/send";
import { addPrivateNote } from "@/lib/inbox/notes";
import { requestPasswordReset } from "@/lib/admin/passwords";
import { requestAttachmentsExport } from "@/lib/exports/jobs";
import { setTwilioHttpClient } from "@/lib/sms/twilio";
import { NotFoundError } from "@/lib/errors";
import { z } from "zod";
import { systemOverview } from "./queries";
import { discardJob, retryJob } from "./jobs";

afterEach(() => {
  captureLogs(null);
  log.level = "warn";
  setTwilioHttpClient(undefined);
  for (const k of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"]) delete process.env[k];
});

/** Ends a job as the worker does when it gives up (its last try failed). */
async function giveUp(jobKey: string, error: string) {
  const now = new Date();
  await db.job.updateMany({
    where: { key: jobKey },
    data: { attempts: 3, doneAt: now, failedAt: now, lastError: error },
  });
}

describe("the log", () => {
  it("never carries a note's text, a message's words, a phone number, an address or a token", async () => {
    const o = await makeOrg();
    const phone = "+33611223344";
    await db.user.update({ where: { id: o.teammate.id }, data: { phone } });
    await db.teammateProfile.update({ where: { userId: o.teammate.id }, data: { smsConsent: true } });
    // Twilio refuses, naming the number, as it does: the job's failure is logged (the positive control).
    setTwilioHttpClient({
      request: async () => ({
        statusCode: 400,
        headers: {},
        body: JSON.stringify({ code: 21211, message: `The 'To' number ${phone} is not valid`, status: 400 }),
      }),
    } as never);
    Object.assign(process.env, {
      TWILIO_ACCOUNT_SID: "AC" + "0".repeat(32),
      TWILIO_AUTH_TOKEN: "t",
      TWILIO_FROM: "+15005550006",
    });
    const lines: string[] = [];
    captureLogs((line) => void lines.push(line));
    log.level = "trace";
    const words = `words-${cid()}`;
    const note = `note-${cid()}`;
    await sendInboxMessage(o.manager, {
      conversationId: o.teammate.threadId,
      body: words,
      clientId: cid(),
      smsCopy: true,
    });
    await addPrivateNote(o.manager, { conversationId: o.teammate.threadId, body: note, clientId: cid() });
    await requestPasswordReset(o.teammate.email, "10.1.2.3");
    await runDueJobs();
    const sealed = (await db.emailOutbox.findFirst({ where: { toEmail: o.teammate.email }, select: { secret: true } }))
      ?.secret;
    // A driver's error that quotes a token, an address and a link's query is scrubbed too.
    log.error({ err: new Error(`refused key_${"a".repeat(30)} for ${o.teammate.email} at /reset?token=abc123`) }, "x");

    const all = lines.join("\n");
    expect(all).toContain("job failed"); // the SMS job's failure was logged
    expect(all).toContain("[number]");
    for (const secret of [words, note, phone, o.teammate.email, "a".repeat(30), "abc123", ...(sealed ? [sealed] : [])])
      expect(all).not.toContain(secret);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow(); // one JSON object a line
  });

  it("scrubs free text", () => {
    expect(scrub("call +33 6 11 22 33 44 or mail ana@x.org with key sk_live_0123456789abcdef012345")).toBe(
      "call [number] or mail [e-mail] with key [token]",
    );
  });
});

describe("Settings → System", () => {
  it("lists only the admin's organisation's failed work; Retry runs an export again and its requester receives it", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    const { id } = await requestAttachmentsExport(a.admin, { filters: {} });
    await giveUp(`export:${id}`, "ENOSPC: no space left on device");
    await db.exportJob.update({ where: { id }, data: { status: "FAILED", error: "errors.export.failed" } });
    const other = await requestAttachmentsExport(b.admin, { filters: {} });
    await giveUp(`export:${other.id}`, "failed in B");

    const seen = await systemOverview(a.admin);
    expect(seen.jobs.map((j) => j.kind)).toEqual(["export.attachments"]);
    expect(seen.jobs[0]).toMatchObject({ state: "failed", error: "ENOSPC: no space left on device" });
    expect(seen.queue.failed).toBe(1);
    const job = seen.jobs[0]!;
    // Another organisation's admin, and a manager, cannot touch it.
    await expect(retryJob(b.admin, job.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(retryJob(a.manager, job.id)).rejects.toThrow();

    await retryJob(a.admin, job.id);
    expect((await db.exportJob.findUniqueOrThrow({ where: { id } })).status).toBe("QUEUED");
    while (await runDueJobs()) {
      // the export, then its e-mail
    }
    expect((await db.exportJob.findUniqueOrThrow({ where: { id } })).status).toBe("DONE");
    expect(await db.emailOutbox.count({ where: { toEmail: a.admin.email, status: "SENT" } })).toBe(1);
    expect((await systemOverview(a.admin)).jobs).toEqual([]);
    expect(await db.auditEntry.count({ where: { organizationId: a.org.id, action: "job.retried" } })).toBe(1);
    // B's failed job is still there, untouched.
    expect((await systemOverview(b.admin)).jobs).toHaveLength(1);
  });

  it("Discard ends it for good, audited", async () => {
    const o = await makeOrg();
    const { id } = await requestAttachmentsExport(o.admin, { filters: {} });
    await giveUp(`export:${id}`, "broken");
    const [job] = (await systemOverview(o.admin)).jobs;
    await discardJob(o.admin, job!.id);
    expect((await systemOverview(o.admin)).jobs).toEqual([]);
    await expect(retryJob(o.admin, job!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEntry.count({ where: { organizationId: o.org.id, action: "job.discarded" } })).toBe(1);
  });
});

describe("metrics", () => {
  const value = async (name: string, labels: Record<string, string>) => {
    const m = await metrics.registry.getSingleMetric(name)!.get();
    const hit = m.values.find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x));
    return hit?.value ?? 0;
  };

  it("count the queue by kind and state, and failed tries", async () => {
    watchQueue();
    const kind = jobKind(`test.${cid()}`, z.object({ n: z.number() }), { maxAttempts: 1 });
    await writeTransaction(async (tx) => {
      for (const n of [1, 2]) await enqueueIn(tx, kind, { n }, { organizationId: null });
    });
    expect(await value("shiftline_jobs", { kind: kind.kind, state: "waiting" })).toBe(2);
    const failing = registerJob(kind, {
      run: async () => {
        throw new Error("refused");
      },
    });
    await runJobs([failing]);
    expect(await value("shiftline_jobs_total", { kind: kind.kind, outcome: "given_up" })).toBe(2);
    expect(await value("shiftline_jobs", { kind: kind.kind, state: "failed" })).toBe(2);
    expect(await value("shiftline_jobs", { kind: kind.kind, state: "waiting" })).toBe(0);
  });

  it("label nothing by user, organisation or conversation", async () => {
    const o = await makeOrg();
    await sendInboxMessage(o.teammate, { conversationId: o.teammate.threadId, body: "hi", clientId: cid() });
    const text = await metrics.registry.metrics();
    expect(text).toContain("shiftline_messages_sent_total");
    for (const id of [o.org.id, o.teammate.id, o.teammate.threadId]) expect(text).not.toContain(id);
  });
});
