import { afterEach, beforeEach, describe, expect, it } from "vitest";
import twilio from "twilio";
import { db } from "@/lib/db";
import { makeOrg, cid } from "@/tests/helpers/org";
import { runDueJobs } from "@/lib/worker";
import { sendGroupedMessage } from "@/lib/inbox/grouped";
import { POST as status } from "@/app/api/sms/status/route";
import { POST as inbound } from "@/app/api/sms/inbound/route";
import { smsSenderSchema } from "@/lib/sms/schemas";
import { setSmsSender } from "@/lib/sms/sender";

const TOKEN = "webhook-test-token";
const BASE = "https://shiftline.example.org";

function signed(
  path: string,
  params: Record<string, string>,
  signature = twilio.getExpectedTwilioSignature(TOKEN, `${BASE}${path}`, params),
) {
  return new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
    body: new URLSearchParams(params).toString(),
  });
}

beforeEach(() => Object.assign(process.env, { TWILIO_AUTH_TOKEN: TOKEN, APP_URL: BASE }));
afterEach(() => {
  delete process.env.TWILIO_AUTH_TOKEN;
  delete process.env.APP_URL;
});

/** A mobile number of this test's own: the test database is shared by the file, and a number texted by several organisations is routed to none. */
const freshPhone = () => `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

async function orgWithSms(phone = freshPhone()) {
  const o = await makeOrg();
  await db.user.update({ where: { id: o.teammate.id }, data: { phone } });
  await db.teammateProfile.update({ where: { userId: o.teammate.id }, data: { smsConsent: true } });
  await sendGroupedMessage(o.manager, {
    who: { teammateIds: [o.teammate.id] },
    body: "Shift swap?",
    clientId: cid(),
    smsCopy: true,
  });
  await runDueJobs();
  const sms = await db.smsDelivery.findFirstOrThrow({ where: { recipientId: o.teammate.id } });
  // as if Twilio had taken it (the outbox has no provider id); Twilio's ids are unique
  const sid = `SM${cid().replace(/-/g, "")}`;
  await db.smsDelivery.update({ where: { id: sms.id }, data: { provider: "twilio", providerId: sid, status: "SENT" } });
  return { o, sid, deliveryId: sms.id, phone };
}

describe("Twilio's webhooks", () => {
  it("refuse a forged or unsigned call with 403, and change nothing", async () => {
    const { deliveryId, sid } = await orgWithSms();
    const params = { MessageSid: sid, MessageStatus: "failed", ErrorCode: "30003" };
    expect((await status(signed("/api/sms/status", params, "forged"))).status).toBe(403);
    const unsigned = new Request(`${BASE}/api/sms/status`, {
      method: "POST",
      body: new URLSearchParams(params).toString(),
    });
    expect((await status(unsigned)).status).toBe(403);
    // signed for other fields than the ones sent
    const other = twilio.getExpectedTwilioSignature(TOKEN, `${BASE}/api/sms/status`, {
      ...params,
      MessageStatus: "delivered",
    });
    expect((await status(signed("/api/sms/status", params, other))).status).toBe(403);
    expect(await db.smsDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
      status: "SENT",
      error: null,
    });
  });

  it("record delivery statuses, with the reason of a failure", async () => {
    const { deliveryId, sid } = await orgWithSms();
    expect(
      (await status(signed("/api/sms/status", { MessageSid: sid, MessageStatus: "undelivered", ErrorCode: "30005" })))
        .status,
    ).toBe(204);
    expect(await db.smsDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
      status: "UNDELIVERED",
      error: "Twilio error 30005",
    });
  });

  it("put a reply by SMS in the teammate's thread once, and STOP withdraws consent", async () => {
    const { o, phone } = await orgWithSms();
    const reply = {
      MessageSid: `SM${cid().replace(/-/g, "")}`,
      From: phone,
      To: "+15005550006",
      Body: "Yes, I can swap",
    };
    expect((await inbound(signed("/api/sms/inbound", reply))).status).toBe(200);
    expect((await inbound(signed("/api/sms/inbound", reply))).status).toBe(200); // Twilio retries
    expect(
      await db.message.count({
        where: { conversationId: o.teammate.threadId, authorId: o.teammate.id, body: "Yes, I can swap" },
      }),
    ).toBe(1);
    const thread = await db.conversation.findUniqueOrThrow({ where: { id: o.teammate.threadId } });
    expect(thread.processed).toBe(false); // a teammate's message reopens the thread
    expect(
      (
        await inbound(
          signed("/api/sms/inbound", { ...reply, MessageSid: `SM${cid().replace(/-/g, "")}`, Body: " stop " }),
        )
      ).status,
    ).toBe(200);
    expect(await db.teammateProfile.findUniqueOrThrow({ where: { userId: o.teammate.id } })).toMatchObject({
      smsConsent: false,
    });
    expect(await db.message.count({ where: { conversationId: o.teammate.threadId, body: { contains: "stop" } } })).toBe(
      0,
    );
    expect((await inbound(signed("/api/sms/inbound", { ...reply, Body: "hi" }, "forged"))).status).toBe(403);
  });
});

describe("whose reply is it", () => {
  let PHONE = "";
  beforeEach(() => {
    PHONE = freshPhone();
  });
  const newSid = () => `SM${cid().replace(/-/g, "")}`;
  /** An organisation with a teammate who has this number and agreed to SMS. */
  async function orgWithNumber(name: string) {
    const o = await makeOrg(name);
    await db.user.update({ where: { id: o.teammate.id }, data: { phone: PHONE } });
    await db.teammateProfile.update({ where: { userId: o.teammate.id }, data: { smsConsent: true } });
    return o;
  }
  const texts = async (o: Awaited<ReturnType<typeof orgWithNumber>>, body: string) => {
    await sendGroupedMessage(o.manager, {
      who: { teammateIds: [o.teammate.id] },
      body,
      clientId: cid(),
      smsCopy: true,
    });
    await runDueJobs();
  };
  const reply = (body: string, more: Record<string, string> = {}) =>
    inbound(signed("/api/sms/inbound", { MessageSid: newSid(), From: PHONE, To: "+15005550006", Body: body, ...more }));
  const repliesIn = (o: Awaited<ReturnType<typeof orgWithNumber>>) =>
    db.message.count({ where: { conversationId: o.teammate.threadId, authorId: o.teammate.id } });

  it("goes to the one organisation that texted the number lately; when several did, to none, and the sender is told to reply in the app", async () => {
    const a = await orgWithNumber("Agency A");
    const b = await orgWithNumber("Agency B"); // B's manager gave B's teammate the same number
    await texts(b, "Are you free Friday?");
    expect((await reply("Yes, Friday works")).status).toBe(200);
    expect(await repliesIn(b)).toBe(1); // positive control: B texted, B alone, B gets the answer
    await texts(a, "Your Saturday shift is confirmed");
    const answer = await reply("Which one of you is this?");
    expect(await answer.text()).toContain("please reply in the Shiftline app");
    expect([await repliesIn(a), await repliesIn(b)]).toEqual([0, 1]); // in neither
    // STOP on the shared sender stops every SMS from it: each organisation hears it.
    await reply("STOP");
    for (const o of [a, b])
      expect(await db.teammateProfile.findUniqueOrThrow({ where: { userId: o.teammate.id } })).toMatchObject({
        smsConsent: false,
      });
  });

  it("on an organisation's own sender, replies are that organisation's only, whoever texted last", async () => {
    const a = await orgWithNumber("Own sender A");
    const b = await orgWithNumber("Shared sender B");
    await db.organization.update({ where: { id: a.org.id }, data: { smsSender: "+15005550001" } });
    await texts(a, "From A's own number");
    await texts(b, "From the shared number");
    await reply("For A", { To: "+15005550001" });
    await reply("For B"); // to the shared number: A's replies come on its own
    expect([await repliesIn(a), await repliesIn(b)]).toEqual([1, 1]);
    expect(await db.message.count({ where: { conversationId: a.teammate.threadId, body: "For A" } })).toBe(1);
  });

  it("a replayed webhook changes nothing: the same message, a STOP after consent was given again, or a message id stretched over the next field", async () => {
    const o = await orgWithNumber("Replay");
    await texts(o, "Hello");
    const stop = {
      MessageSid: newSid(),
      From: PHONE,
      To: "+15005550006",
      Body: "STOP",
      NumMedia: "0",
      NumSegments: "1",
    };
    expect((await inbound(signed("/api/sms/inbound", stop))).status).toBe(200);
    expect(await db.teammateProfile.findUniqueOrThrow({ where: { userId: o.teammate.id } })).toMatchObject({
      smsConsent: false,
    });
    await db.teammateProfile.update({ where: { userId: o.teammate.id }, data: { smsConsent: true } }); // consent given again
    expect((await inbound(signed("/api/sms/inbound", stop))).status).toBe(200); // the captured STOP, posted again
    expect(await db.teammateProfile.findUniqueOrThrow({ where: { userId: o.teammate.id } })).toMatchObject({
      smsConsent: true,
    });
    // The same signature over the fields run together: "MessageSid" + sid + "NumMedia" + "0" … folded into one value.
    const folded = {
      From: stop.From,
      To: stop.To,
      Body: "STOP",
      MessageSid: `${stop.MessageSid}NumMedia0NumSegments1`,
    };
    const signature = twilio.getExpectedTwilioSignature(TOKEN, `${BASE}/api/sms/inbound`, stop);
    expect(twilio.getExpectedTwilioSignature(TOKEN, `${BASE}/api/sms/inbound`, folded)).toBe(signature); // the attack holds its signature
    expect((await inbound(signed("/api/sms/inbound", folded, signature))).status).toBe(400);
    expect(await db.teammateProfile.findUniqueOrThrow({ where: { userId: o.teammate.id } })).toMatchObject({
      smsConsent: true,
    });
  });
});

describe("an organisation's own SMS sender", () => {
  it("is set by an admin only, as a number or a Messaging Service, and never another organisation's", async () => {
    const a = await makeOrg("Sender A");
    const b = await makeOrg("Sender B");
    expect(smsSenderSchema.safeParse({ sender: "06 12 34 56 78" }).success).toBe(false);
    expect(smsSenderSchema.parse({ sender: " +33 6 12 34 56 78 " })).toEqual({ sender: "+33612345678" });
    expect(smsSenderSchema.parse({ sender: "" })).toEqual({ sender: null });
    await expect(setSmsSender(a.manager, "+15005550009")).rejects.toThrow();
    await setSmsSender(a.admin, "+15005550009");
    await expect(setSmsSender(b.admin, "+15005550009")).rejects.toMatchObject({
      text: { key: "errors.sms.senderTaken" },
    });
    expect(await db.organization.findUniqueOrThrow({ where: { id: a.org.id } })).toMatchObject({
      smsSender: "+15005550009",
    });
    expect(await db.organization.findUniqueOrThrow({ where: { id: b.org.id } })).toMatchObject({ smsSender: null });
    expect(await db.auditEntry.count({ where: { organizationId: a.org.id, action: "organization.smsSender" } })).toBe(
      1,
    );
  });
});
