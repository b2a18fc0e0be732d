import { afterEach, beforeEach, describe, expect, it } from "vitest";
import twilio from "twilio";
import { db } from "@/lib/db";
import { makeOrg, cid } from "@/tests/helpers/org";
import { runDueJobs } from "@/lib/worker";
import { sendGroupedMessage } from "@/lib/inbox/grouped";
import { POST as status } from "@/app/api/sms/status/route";
import { POST as inbound } from "@/app/api/sms/inbound/route";

const TOKEN = "webhook-test-token";
const BASE = "https://shiftline.example.org";

function signed(path: string, params: Record<string, string>, signature = twilio.getExpectedTwilioSignature(TOKEN, `${BASE}${path}`, params)) {
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

async function orgWithSms() {
  const o = await makeOrg();
  await db.user.update({ where: { id: o.teammate.id }, data: { phone: "+33612345678" } });
  await db.teammateProfile.update({ where: { userId: o.teammate.id }, data: { smsConsent: true } });
  await sendGroupedMessage(o.manager, { who: { teammateIds: [o.teammate.id] }, body: "Shift swap?", clientId: cid(), smsCopy: true });
  await runDueJobs();
  const sms = await db.smsDelivery.findFirstOrThrow({ where: { recipientId: o.teammate.id } });
  // as if Twilio had taken it (the outbox has no provider id); Twilio's ids are unique
  const sid = `SM${cid().replace(/-/g, "")}`;
  await db.smsDelivery.update({ where: { id: sms.id }, data: { provider: "twilio", providerId: sid, status: "SENT" } });
  return { o, sid, deliveryId: sms.id };
}

describe("Twilio's webhooks", () => {
  it("refuse a forged or unsigned call with 403, and change nothing", async () => {
    const { deliveryId, sid } = await orgWithSms();
    const params = { MessageSid: sid, MessageStatus: "failed", ErrorCode: "30003" };
    expect((await status(signed("/api/sms/status", params, "forged"))).status).toBe(403);
    const unsigned = new Request(`${BASE}/api/sms/status`, { method: "POST", body: new URLSearchParams(params).toString() });
    expect((await status(unsigned)).status).toBe(403);
    // signed for other fields than the ones sent
    const other = twilio.getExpectedTwilioSignature(TOKEN, `${BASE}/api/sms/status`, { ...params, MessageStatus: "delivered" });
    expect((await status(signed("/api/sms/status", params, other))).status).toBe(403);
    expect(await db.smsDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "SENT", error: null });
  });

  it("record delivery statuses, with the reason of a failure", async () => {
    const { deliveryId, sid } = await orgWithSms();
    expect((await status(signed("/api/sms/status", { MessageSid: sid, MessageStatus: "undelivered", ErrorCode: "30005" }))).status).toBe(204);
    expect(await db.smsDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "UNDELIVERED", error: "Twilio error 30005" });
  });

  it("put a reply by SMS in the teammate's thread once, and STOP withdraws consent", async () => {
    const { o } = await orgWithSms();
    const reply = { MessageSid: `SM${cid().replace(/-/g, "")}`, From: "+33612345678", To: "+15005550006", Body: "Yes, I can swap" };
    expect((await inbound(signed("/api/sms/inbound", reply))).status).toBe(200);
    expect((await inbound(signed("/api/sms/inbound", reply))).status).toBe(200); // Twilio retries
    expect(await db.message.count({ where: { conversationId: o.teammate.threadId, authorId: o.teammate.id, body: "Yes, I can swap" } })).toBe(1);
    const thread = await db.conversation.findUniqueOrThrow({ where: { id: o.teammate.threadId } });
    expect(thread.processed).toBe(false); // a teammate's message reopens the thread
    expect((await inbound(signed("/api/sms/inbound", { ...reply, MessageSid: `SM${cid().replace(/-/g, "")}`, Body: " stop " }))).status).toBe(200);
    expect(await db.teammateProfile.findUniqueOrThrow({ where: { userId: o.teammate.id } })).toMatchObject({ smsConsent: false });
    expect(await db.message.count({ where: { conversationId: o.teammate.threadId, body: { contains: "stop" } } })).toBe(0);
    expect((await inbound(signed("/api/sms/inbound", { ...reply, Body: "hi" }, "forged"))).status).toBe(403);
  });
});
