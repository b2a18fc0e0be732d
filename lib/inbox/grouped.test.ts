import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runDueJobs } from "@/lib/worker";
import { makeOrg, cid } from "@/tests/helpers/org";
import { setTwilioHttpClient } from "@/lib/sms/twilio";
import { recordSmsStatus } from "@/lib/sms/deliveries";
import { planGroupedMessage, sendGroupedMessage } from "./grouped";
import { teammateIdsMatching } from "./contacts";
import { sendInboxMessage } from "./send";
import { addPrivateNote } from "./notes";
import { addNoteSchema } from "./schemas";
import { requestAttachmentsExport } from "@/lib/exports/jobs";
import { receiveFiles } from "@/lib/files/receive";
import { requireOpenableFile } from "@/lib/files/access";
import { pdf, uploadRequest } from "@/tests/helpers/files";
import { addShift } from "@/tests/helpers/world";

async function withPhones(o: Awaited<ReturnType<typeof makeOrg>>) {
  await db.user.update({ where: { id: o.teammate.id }, data: { phone: "+33612345678", locale: "fr" } });
  await db.teammateProfile.update({ where: { userId: o.teammate.id }, data: { smsConsent: true } });
  await db.user.update({ where: { id: o.teammate2.id }, data: { phone: "+33698765432" } }); // no consent
  return o;
}

/** Twilio's REST API as the SDK's HTTP client sees it: records each SMS, answers like Twilio. */
function fakeTwilio() {
  const sent: Record<string, string>[] = [];
  setTwilioHttpClient({
    request: async (opts: { method: string; uri: string; data?: Record<string, string> }) => {
      sent.push({ ...opts.data!, uri: opts.uri });
      const sid = `SM${String(sent.length).padStart(32, "0")}`;
      return {
        statusCode: 201,
        headers: {},
        body: JSON.stringify({ sid, status: "queued", to: opts.data?.To, body: opts.data?.Body }),
      };
    },
  } as never);
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: "AC" + "0".repeat(32),
    TWILIO_AUTH_TOKEN: "test-token",
    TWILIO_FROM: "+15005550006",
  });
  return sent;
}

afterEach(() => {
  setTwilioHttpClient(undefined);
  for (const k of [
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "TWILIO_FROM",
    "SMS_LIMIT_PER_HOUR",
    "SMS_LIMIT_PER_NUMBER_HOUR",
  ])
    delete process.env[k];
});

describe("grouped messages", () => {
  it("says before sending who gets it in the app and who by SMS", async () => {
    const o = await withPhones(await makeOrg());
    const plan = await planGroupedMessage(o.manager, { filters: {} });
    expect(plan).toMatchObject({ inApp: 2, bySms: 1, withoutSms: 1 });
    expect(plan.recipients.find((r) => r.teammateId === o.teammate2.id)?.sms).toBe("noConsent");
    await expect(planGroupedMessage(o.teammate, { filters: {} })).rejects.toThrow();
  });

  it("puts a copy in each recipient's thread, an SMS for the eligible only, and never twice", async () => {
    const o = await withPhones(await makeOrg());
    const sent = fakeTwilio();
    const input = { who: { filters: {} }, body: "Staff meeting moved to 3 pm", clientId: cid(), smsCopy: true };
    const first = await sendGroupedMessage(o.manager, input);
    expect(await sendGroupedMessage(o.manager, input)).toEqual({ batchId: first.batchId, duplicate: true });
    while (await runDueJobs()) {
      // the batch's job, then the SMS's
    }
    for (const t of [o.teammate, o.teammate2]) {
      const copies = await db.message.findMany({ where: { conversationId: t.threadId, batchId: first.batchId } });
      expect(copies.map((m) => m.body)).toEqual(["Staff meeting moved to 3 pm"]);
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ To: "+33612345678", From: "+15005550006" });
    expect(sent[0]!.Body).toMatch(/^Staff meeting moved to 3 pm\nRépondre dans Shiftline : http/); // the recipient's language
    expect(sent[0]!.StatusCallback).toMatch(/\/api\/sms\/status$/);
    const sms = await db.smsDelivery.findFirstOrThrow({ where: { recipientId: o.teammate.id } });
    expect(sms).toMatchObject({ provider: "twilio", status: "QUEUED" });
    // the queue runs the job again (a retry after a crash): no second SMS
    await db.job.updateMany({ where: { key: `sms:${sms.id}` }, data: { doneAt: null, attempts: 0 } });
    await runDueJobs();
    expect(sent).toHaveLength(1);

    expect(await recordSmsStatus(sms.providerId!, "delivered")).toBe(true);
    expect(await recordSmsStatus(sms.providerId!, "sent")).toBe(true); // late and out of order: ignored
    expect(await db.smsDelivery.findUniqueOrThrow({ where: { id: sms.id } })).toMatchObject({ status: "DELIVERED" });
  });

  it("refuses the whole message, before anything is sent, when the SMS limit would be passed", async () => {
    const o = await withPhones(await makeOrg());
    process.env.SMS_LIMIT_PER_HOUR = "1";
    await sendGroupedMessage(o.manager, { who: { filters: {} }, body: "one", clientId: cid(), smsCopy: true });
    await runDueJobs();
    await expect(
      sendGroupedMessage(o.manager, { who: { filters: {} }, body: "two", clientId: cid(), smsCopy: true }),
    ).rejects.toThrow(/1 SMS an hour/);
    expect(await db.message.count({ where: { body: "two" } })).toBe(0);
    // without the SMS copy it goes
    await sendGroupedMessage(o.manager, { who: { filters: {} }, body: "three", clientId: cid(), smsCopy: false });
    await runDueJobs();
    expect(await db.message.count({ where: { body: "three" } })).toBe(2);
  });
});

describe("the SMS limits under load", () => {
  it("hold when two grouped messages are sent at the same moment", async () => {
    const o = await withPhones(await makeOrg());
    process.env.SMS_LIMIT_PER_HOUR = "1";
    const send = (body: string) =>
      sendGroupedMessage(o.manager, { who: { filters: {} }, body, clientId: cid(), smsCopy: true });
    const outcomes = await Promise.allSettled([send("first at 9"), send("second at 9")]);
    expect(outcomes.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(String((outcomes.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toMatch(
      /1 SMS an hour/,
    );
    while (await runDueJobs()) {
      // the accepted batch's copies, then its SMS
    }
    expect(await db.smsDelivery.count({ where: { organizationId: o.org.id } })).toBe(1);
  });

  it("count what a grouped message will send before its copies are written, and the per-number limit holds for sends at once", async () => {
    const o = await withPhones(await makeOrg());
    process.env.SMS_LIMIT_PER_NUMBER_HOUR = "1";
    await sendGroupedMessage(o.manager, {
      who: { teammateIds: [o.teammate.id] },
      body: "grouped",
      clientId: cid(),
      smsCopy: true,
    });
    // Its copy and SMS are not written yet (no job ran), and already count.
    expect(await db.smsDelivery.count({ where: { organizationId: o.org.id } })).toBe(0);
    const single = () =>
      sendInboxMessage(o.manager, {
        conversationId: o.teammate.threadId,
        body: "single",
        clientId: cid(),
        smsCopy: true,
      });
    await expect(single()).rejects.toThrow(/already had 1 SMS this hour/);
    expect(await db.message.count({ where: { conversationId: o.teammate.threadId, body: "single" } })).toBe(0);

    const fresh = await withPhones(await makeOrg("Per number"));
    const outcomes = await Promise.allSettled(
      [1, 2, 3].map((n) =>
        sendInboxMessage(fresh.manager, {
          conversationId: fresh.teammate.threadId,
          body: `call me ${n}`,
          clientId: cid(),
          smsCopy: true,
        }),
      ),
    );
    expect(outcomes.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.smsDelivery.count({ where: { organizationId: fresh.org.id } })).toBe(1);
    expect(await db.message.count({ where: { conversationId: fresh.teammate.threadId } })).toBe(1);
    while (await runDueJobs()) {
      // what was accepted goes
    }
  });
});

describe("an SMS leaves at most once", () => {
  it("a try that finds its SMS was being handed to Twilio when its worker died does not send it again", async () => {
    const o = await withPhones(await makeOrg());
    const sent = fakeTwilio();
    const first = await sendInboxMessage(o.manager, {
      conversationId: o.teammate.threadId,
      body: "first",
      clientId: cid(),
      smsCopy: true,
    });
    const second = await sendInboxMessage(o.manager, {
      conversationId: o.teammate.threadId,
      body: "second",
      clientId: cid(),
      smsCopy: true,
    });
    // The first one's earlier try reached the call to Twilio, then its process was killed.
    await db.smsDelivery.updateMany({ where: { messageId: first.message.id }, data: { sendingAt: new Date() } });
    while (await runDueJobs()) {
      // both SMS jobs
    }
    expect(sent.map((s) => s.Body!.split("\n")[0])).toEqual(["second"]); // positive control: the other one left
    expect(await db.smsDelivery.findFirstOrThrow({ where: { messageId: first.message.id } })).toMatchObject({
      status: "FAILED",
      error: expect.stringMatching(/never sent twice/),
    });
    expect(await db.smsDelivery.findFirstOrThrow({ where: { messageId: second.message.id } })).toMatchObject({
      status: "QUEUED",
      provider: "twilio",
    });
  });

  it("an SMS Twilio refused is tried again and leaves once; one whose last try failed is marked failed", async () => {
    const o = await withPhones(await makeOrg());
    const sent = fakeTwilio();
    let refuse = 1;
    setTwilioHttpClient({
      request: async (opts: { data?: Record<string, string> }) => {
        if (refuse-- > 0)
          return {
            statusCode: 503,
            headers: {},
            body: JSON.stringify({ code: 20500, message: "Service unavailable", status: 503 }),
          };
        sent.push(opts.data!);
        return {
          statusCode: 201,
          headers: {},
          body: JSON.stringify({ sid: `SM${cid().replace(/-/g, "").slice(0, 32)}`, status: "queued" }),
        };
      },
    } as never);
    const m = await sendInboxMessage(o.manager, {
      conversationId: o.teammate.threadId,
      body: "again",
      clientId: cid(),
      smsCopy: true,
    });
    await runDueJobs();
    const sms = await db.smsDelivery.findFirstOrThrow({ where: { messageId: m.message.id } });
    expect(sms).toMatchObject({ status: "QUEUED", providerId: null, sendingAt: null });
    expect(sms.error).toMatch(/Service unavailable/);
    await db.job.updateMany({ where: { key: `sms:${sms.id}` }, data: { runAt: new Date(Date.now() - 1) } });
    await runDueJobs();
    expect(sent).toHaveLength(1);
    expect(await db.smsDelivery.findUniqueOrThrow({ where: { id: sms.id } })).toMatchObject({
      status: "QUEUED",
      provider: "twilio",
      providerId: expect.any(String),
    });

    refuse = 100;
    const last = await sendInboxMessage(o.manager, {
      conversationId: o.teammate.threadId,
      body: "never",
      clientId: cid(),
      smsCopy: true,
    });
    const row = await db.smsDelivery.findFirstOrThrow({ where: { messageId: last.message.id } });
    await db.job.updateMany({ where: { key: `sms:${row.id}` }, data: { maxAttempts: 1 } });
    await runDueJobs();
    expect(await db.smsDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "FAILED" });
    expect(sent).toHaveLength(1);
  });
});

describe("schedule filters", () => {
  it("find who works today, tomorrow, or has no shift this week, in the organisation's time zone", async () => {
    const o = await makeOrg();
    const org = { org: o.org, dept: o.dept } as never;
    const now = new Date();
    const inHours = (h: number) => new Date(now.getTime() + h * 3600_000);
    // Tess: a shift running now (today, whatever the hour); Theo: none at all
    await addShift(db, org, {
      activity: "Now",
      startsAt: inHours(-1),
      endsAt: inHours(0.01),
      assignees: [o.teammate.id],
    });
    expect(await teammateIdsMatching(o.manager, { scheduled: "today" })).toEqual([o.teammate.id]);
    expect(await teammateIdsMatching(o.manager, { scheduled: "notThisWeek" })).toEqual([o.teammate2.id]);
    const tomorrowNoon = new Date(now.getTime() + 86_400_000);
    tomorrowNoon.setUTCHours(12, 0, 0, 0);
    await addShift(db, org, {
      activity: "Tomorrow",
      startsAt: tomorrowNoon,
      endsAt: new Date(tomorrowNoon.getTime() + 3600_000),
      assignees: [o.teammate2.id],
    });
    expect(await teammateIdsMatching(o.manager, { scheduled: "tomorrow" })).toEqual([o.teammate2.id]);
  });
});

describe("an SMS copy from a single thread", () => {
  it("goes with the message when the teammate can get one, and is refused before anything is stored otherwise", async () => {
    const o = await withPhones(await makeOrg());
    const sent = await sendInboxMessage(o.manager, {
      conversationId: o.teammate.threadId,
      body: "Can you call me?",
      clientId: cid(),
      smsCopy: true,
    });
    const sms = await db.smsDelivery.findFirstOrThrow({ where: { messageId: sent.message.id } });
    expect(sms).toMatchObject({ toPhone: "+33612345678", recipientId: o.teammate.id });
    expect(sms.body).toMatch(/^Can you call me\?\nRépondre dans Shiftline/);
    await runDueJobs();
    expect(await db.smsDelivery.findUniqueOrThrow({ where: { id: sms.id } })).toMatchObject({
      status: "SENT",
      provider: "outbox",
    });

    await expect(
      sendInboxMessage(o.manager, {
        conversationId: o.teammate2.threadId,
        body: "And you?",
        clientId: cid(),
        smsCopy: true,
      }),
    ).rejects.toThrow(/not agreed/);
    expect(await db.message.count({ where: { body: "And you?" } })).toBe(0);
    // a teammate's own message never sends an SMS
    const mine = await sendInboxMessage(o.teammate, {
      conversationId: o.teammate.threadId,
      body: "ok",
      clientId: cid(),
      smsCopy: true,
    });
    expect(await db.smsDelivery.count({ where: { messageId: mine.message.id } })).toBe(0);
  });
});

describe("private notes", () => {
  it("never leave by SMS, e-mail or an export's e-mail, whatever the form sends with them", async () => {
    const o = await withPhones(await makeOrg());
    const input = addNoteSchema.parse({
      conversationId: o.teammate.threadId,
      body: "PRIVATE: late three times",
      clientId: cid(),
      smsCopy: "on",
    });
    await addPrivateNote(o.manager, input);
    await sendInboxMessage(o.manager, {
      conversationId: o.teammate.threadId,
      body: "Hello",
      clientId: cid(),
      smsCopy: true,
    });
    await requestAttachmentsExport(o.manager, { filters: {} });
    while (await runDueJobs()) {
      // SMS, export, e-mail
    }
    const sms = await db.smsDelivery.findMany({ where: { organizationId: o.org.id }, select: { body: true } });
    expect(sms).toHaveLength(1);
    expect(sms.some((s) => s.body.includes("PRIVATE"))).toBe(false);
    const emails = await db.emailOutbox.findMany({
      where: { organizationId: o.org.id },
      select: { text: true, subject: true },
    });
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.some((e) => e.text.includes("PRIVATE") || e.subject.includes("PRIVATE"))).toBe(false);
  });
});

describe("a grouped message's files", () => {
  it("reach every recipient's thread, each opening only for staff and that recipient, and are used once", async () => {
    const o = await makeOrg();
    const got = await receiveFiles(uploadRequest([{ name: "rota.pdf", data: pdf() }]), {
      organizationId: o.org.id,
      conversationId: null,
      uploaderId: o.manager.id,
      fromStaff: true,
    });
    const ids = got.files.map((f) => f.id);
    await sendGroupedMessage(o.manager, {
      who: { filters: {} },
      body: "Next month's rota",
      clientId: cid(),
      smsCopy: false,
      attachmentIds: ids,
    });
    await runDueJobs();
    for (const [mine, theirs] of [
      [o.teammate, o.teammate2],
      [o.teammate2, o.teammate],
    ] as const) {
      const copy = await db.message.findFirstOrThrow({
        where: { conversationId: mine.threadId, body: "Next month's rota" },
        include: { attachments: true },
      });
      expect(copy.attachments.map((a) => a.fileName)).toEqual(["rota.pdf"]);
      await expect(requireOpenableFile(mine, copy.attachments[0]!.id)).resolves.toMatchObject({ fileName: "rota.pdf" });
      await expect(requireOpenableFile(theirs, copy.attachments[0]!.id)).rejects.toThrow(/not found/i);
    }
    // the original is no teammate's, and cannot go with a second message
    await expect(requireOpenableFile(o.teammate, ids[0]!)).rejects.toThrow(/not found/i);
    await expect(
      sendGroupedMessage(o.manager, {
        who: { filters: {} },
        body: "again",
        clientId: cid(),
        smsCopy: false,
        attachmentIds: ids,
      }),
    ).rejects.toThrow(/no longer/);
    await expect(
      sendGroupedMessage(o.manager2, {
        who: { filters: {} },
        body: "mine?",
        clientId: cid(),
        smsCopy: false,
        attachmentIds: ids,
      }),
    ).rejects.toThrow(/no longer/);
  });
});
