import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { cid, makeOrg } from "@/tests/helpers/org";
import { fakePushService } from "@/tests/helpers/push-service";
import { runDueJobs } from "@/lib/worker";
import { sendMessage } from "@/lib/dispatch";
import { addPrivateNote } from "@/lib/inbox/notes";
import { createChannel, createPrivate } from "@/lib/chat/conversations";
import { leaveChat } from "@/lib/chat/members";
import { revokeSession, revokeSessions } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/roles";
import { saveSubscription, setMuted, setPushPreferences } from "./settings";
import { isAllowedEndpoint } from "./endpoint";
import { pushPreferencesSchema } from "./schemas";
import { isQuiet } from "./quiet";
import type { PushPayload } from "./deliver";
import { pushForMessage } from "./notify";
import { assignThread } from "@/lib/inbox/assign";

const keys = webpush.generateVAPIDKeys();
process.env.VAPID_PUBLIC_KEY = keys.publicKey;
process.env.VAPID_PRIVATE_KEY = keys.privateKey;
process.env.PUSH_ALLOW_LOCAL_ENDPOINTS = "1";

let service: Awaited<ReturnType<typeof fakePushService>>;
beforeAll(async () => {
  service = await fakePushService();
});
afterAll(() => service.close());

/** A device of `user` that accepted push, and what reached it. */
async function deviceOf(user: SessionUser, name = `${user.id}-${cid()}`, sessionId = "") {
  const d = service.device(name);
  await saveSubscription(user, d.subscription, { sessionId, userAgent: "test" });
  const payloads = () => service.received.filter((r) => r.device === name).map((r) => d.decrypt(r.body) as PushPayload);
  return { name, payloads };
}
const say = (user: SessionUser, conversationId: string, body: string, more: { urgent?: boolean } = {}) =>
  sendMessage(user, { conversationId, body, clientId: cid(), ...more });
const drain = () => runDueJobs();
const chatOrg = () => makeOrg("Push", { chatEnabled: true });
const departmentOf = async (userId: string) =>
  (await db.teammateProfile.findUniqueOrThrow({ where: { userId } })).departmentId!;

describe("push for inbox messages", () => {
  it("reaches the teammate's device with the sender, a preview, the address and the badge; never a private note", async () => {
    const { manager, teammate } = await makeOrg("Push inbox");
    const phone = await deviceOf(teammate);
    await addPrivateNote(manager, { conversationId: teammate.threadId, body: "Secret about Tess", clientId: cid() });
    await say(manager, teammate.threadId, "Can you cover Saturday?");
    await drain();
    const got = phone.payloads();
    expect(got).toEqual([
      {
        title: `${manager.firstName} ${manager.lastName}`,
        body: "Can you cover Saturday?",
        url: "/me/messages",
        tag: teammate.threadId,
        badge: 1,
        urgent: false,
      },
    ]);
    expect(JSON.stringify(got)).not.toContain("Secret");
    const sent = service.received.find((r) => r.device === phone.name)!;
    expect(sent.headers["content-encoding"]).toBe("aes128gcm");
    expect(String(sent.headers.authorization)).toMatch(/^vapid t=.+, k=/);
  });

  it("reaches staff for a teammate's message, but not staff who muted that thread, nor the author", async () => {
    const { manager, manager2, teammate } = await makeOrg("Push staff");
    const a = await deviceOf(manager);
    const b = await deviceOf(manager2);
    const own = await deviceOf(teammate);
    await setMuted(manager2, { conversationId: teammate.threadId, muted: true });
    await say(teammate, teammate.threadId, "I am sick today");
    await drain();
    expect(a.payloads()).toMatchObject([
      {
        title: `${teammate.firstName} ${teammate.lastName}`,
        body: "I am sick today",
        url: `/inbox/${teammate.threadId}`,
        badge: 1,
      },
    ]);
    expect(b.payloads()).toEqual([]);
    expect(own.payloads()).toEqual([]);
  });

  it("tells the manager a colleague gave a thread to, never the one who took it themselves; its replies then reach its owner only", async () => {
    const { manager, manager2, teammate } = await makeOrg("Push assigned");
    const max = await deviceOf(manager);
    const mia = await deviceOf(manager2);
    await assignThread(manager, teammate.threadId, manager.id); // took it: nothing to tell
    await assignThread(manager, teammate.threadId, manager2.id);
    await say(teammate, teammate.threadId, "Who has my Friday?");
    await drain();
    expect(mia.payloads()).toMatchObject([
      {
        title: `${manager.firstName} ${manager.lastName} assigned you a thread`,
        body: `The thread with ${teammate.firstName} ${teammate.lastName} is yours now.`,
        url: `/inbox/${teammate.threadId}`,
      },
      { title: `${teammate.firstName} ${teammate.lastName}`, body: "Who has my Friday?" },
    ]);
    // Max hears nothing while Mia owns the thread; once no one does, he hears the next message (the positive control).
    expect(max.payloads()).toEqual([]);
    await assignThread(manager2, teammate.threadId, null);
    await say(teammate, teammate.threadId, "Anyone?");
    await drain();
    expect(max.payloads()).toMatchObject([{ body: "Anyone?" }]);
  });

  it("tells a manager a note names, with its words, on their devices only: never the teammate's", async () => {
    const { manager, manager2, teammate } = await makeOrg("Push mention");
    const mia = await deviceOf(manager2);
    const phone = await deviceOf(teammate);
    await addPrivateNote(manager, {
      conversationId: teammate.threadId,
      body: "@Mia Manager SECRET: her contract ends",
      clientId: cid(),
    });
    await say(manager, teammate.threadId, "See you Monday");
    await drain();
    expect(mia.payloads()).toMatchObject([
      {
        title: `${manager.firstName} ${manager.lastName} mentioned you about ${teammate.firstName} ${teammate.lastName}`,
        body: "@Mia Manager SECRET: her contract ends",
        url: `/inbox/${teammate.threadId}`,
      },
    ]);
    // The teammate's phone got the message that came after the note (the positive control), and nothing of the note.
    expect(phone.payloads().map((p) => p.body)).toEqual(["See you Monday"]);
  });

  it("holds back pushes in quiet hours, except urgent ones (only staff may mark a message urgent)", async () => {
    const { manager, teammate } = await makeOrg("Push quiet");
    const phone = await deviceOf(teammate);
    const allDay = pushPreferencesSchema.parse({ enabled: "on", quiet: "on", quietFrom: "00:00", quietTo: "23:59" });
    await setPushPreferences(teammate, allDay);
    await say(manager, teammate.threadId, "Not urgent");
    await say(manager, teammate.threadId, "Fire drill now", { urgent: true });
    await drain();
    expect(phone.payloads()).toMatchObject([
      { title: `Urgent: ${manager.firstName} ${manager.lastName}`, body: "Fire drill now", urgent: true },
    ]);
    await expect(say(teammate, teammate.threadId, "Me too", { urgent: true })).rejects.toBeInstanceOf(UserError);
    expect(await db.message.count({ where: { conversationId: teammate.threadId, body: "Me too" } })).toBe(0);
  });

  it("sends nothing to a user who turned push off, and queues no job where nobody has a device", async () => {
    const { manager, teammate } = await makeOrg("Push off");
    await say(manager, teammate.threadId, "Nobody listens");
    const jobs = await db.job.findMany({ where: { kind: "message.notify" }, select: { payload: true } });
    const mine = await db.message.findFirstOrThrow({ where: { body: "Nobody listens" }, select: { id: true } });
    expect(jobs.some((j) => (j.payload as { messageId: string }).messageId === mine.id)).toBe(false);
    const phone = await deviceOf(teammate);
    await setPushPreferences(teammate, pushPreferencesSchema.parse({ enabled: "", quiet: "" }));
    await say(manager, teammate.threadId, "Still nobody");
    await drain();
    expect(phone.payloads()).toEqual([]);
  });

  it("removes a subscription the push service reports gone (410, 404) and retries one that failed", async () => {
    const { manager, teammate } = await makeOrg("Push gone");
    const gone = await deviceOf(teammate, `gone-${cid()}`);
    const flaky = await deviceOf(teammate, `flaky-${cid()}`);
    service.answer(gone.name, 410);
    service.answer(flaky.name, 500);
    await say(manager, teammate.threadId, "Hello");
    await drain();
    expect(await db.pushSubscription.count({ where: { userId: teammate.id } })).toBe(1);
    const retry = await db.job.findFirstOrThrow({ where: { kind: "push.device", doneAt: null } });
    expect(retry.runAt.getTime()).toBeGreaterThan(Date.now());
    service.answer(flaky.name, 201);
    await db.job.update({ where: { id: retry.id }, data: { runAt: new Date() } });
    await drain();
    expect(flaky.payloads().map((p) => p.body)).toEqual(["Hello", "Hello"]);
    expect((await db.job.findUniqueOrThrow({ where: { id: retry.id } })).doneAt).not.toBeNull();
  });
});

describe("at most one push per device", () => {
  it("a push job run again (a retry, or a second worker that claimed it) reaches each device once", async () => {
    const { manager, teammate } = await makeOrg("Push once");
    const phones = [await deviceOf(teammate), await deviceOf(teammate)];
    await say(manager, teammate.threadId, "Only once please");
    const job = await db.job.findFirstOrThrow({ where: { kind: "message.notify", doneAt: null } });
    const messageId = (job.payload as { messageId: string }).messageId;
    // Two workers run the same job side by side (the first one's lease ran out while it worked).
    await Promise.all([pushForMessage(messageId, { id: job.id }), pushForMessage(messageId, { id: job.id })]);
    await pushForMessage(messageId, { id: job.id }); // and a retry after both
    for (const p of phones) expect(p.payloads().map((x) => x.body)).toEqual(["Only once please"]);
    expect(await db.pushDelivery.count({ where: { jobId: job.id, status: "SENT" } })).toBe(2);
  });
});

describe("push for chat", () => {
  it("reaches members who have not muted or left, and the department for a new public conversation", async () => {
    const { manager, teammate, teammate2, addTeammate } = await chatOrg();
    const third = await addTeammate("Theo", "Third");
    const dept = await departmentOf(teammate.id);
    const [p1, p2, p3] = [await deviceOf(teammate), await deviceOf(teammate2), await deviceOf(third)];
    const { conversationId: channel } = await createChannel(manager, {
      departmentId: dept,
      name: "Care team",
      clientId: cid(),
    });
    await drain();
    for (const p of [p1, p2, p3])
      expect(p.payloads()).toMatchObject([{ title: "New public conversation: Care team", url: `/me/chat/${channel}` }]);

    const { conversationId: group } = await createPrivate(teammate, {
      departmentId: dept,
      name: "Night shift",
      memberIds: [teammate2.id, third.id],
      clientId: cid(),
    });
    await setMuted(teammate2, { conversationId: group, muted: true });
    await leaveChat(third, group);
    await say(teammate, group, "Who swaps Friday?");
    await drain();
    expect(p2.payloads()).toHaveLength(1);
    expect(p3.payloads()).toHaveLength(1);
    await say(teammate2, group, "Not me");
    await drain();
    expect(p1.payloads().at(-1)).toMatchObject({
      title: `${teammate2.firstName} ${teammate2.lastName} in Night shift`,
      body: "Not me",
      url: `/me/chat/${group}`,
    });
  });

  it("a conversation one has not joined has nothing to mute", async () => {
    const { manager, teammate } = await chatOrg();
    const { conversationId } = await createChannel(manager, {
      departmentId: await departmentOf(teammate.id),
      name: "News",
      clientId: cid(),
    });
    await expect(setMuted(teammate, { conversationId, muted: true })).rejects.toBeInstanceOf(UserError);
  });
});

describe("devices and sessions", () => {
  it("accepts only push services' endpoints (no address of the caller's choosing)", async () => {
    expect(isAllowedEndpoint("https://fcm.googleapis.com/fcm/send/abc")).toBe(true);
    expect(isAllowedEndpoint("https://web.push.apple.com/QAB")).toBe(true);
    expect(isAllowedEndpoint("https://169.254.169.254/latest")).toBe(false);
    expect(isAllowedEndpoint("http://fcm.googleapis.com/x")).toBe(false);
    expect(isAllowedEndpoint("https://fcm.googleapis.com.evil.example/x")).toBe(false);
    const { teammate } = await makeOrg("Push endpoint");
    const bad = { endpoint: "https://internal.example/hook", keys: service.device("x").subscription.keys };
    await expect(saveSubscription(teammate, bad, { sessionId: "", userAgent: null })).rejects.toBeInstanceOf(UserError);
  });

  it("a device belongs to the last user who signed in on it; signing out ends its pushes", async () => {
    const { teammate, teammate2 } = await makeOrg("Push devices");
    const shared = service.device(`shared-${cid()}`);
    await saveSubscription(teammate, shared.subscription, { sessionId: "s1", userAgent: null });
    await saveSubscription(teammate2, shared.subscription, { sessionId: "s2", userAgent: null });
    expect(
      await db.pushSubscription.findMany({
        where: { endpoint: shared.subscription.endpoint },
        select: { userId: true },
      }),
    ).toEqual([{ userId: teammate2.id }]);
    await revokeSession({ sessionId: "s2", expiresAt: new Date(Date.now() + 60_000), user: teammate2 });
    expect(await db.pushSubscription.count({ where: { userId: teammate2.id } })).toBe(0);
    await deviceOf(teammate);
    await deviceOf(teammate);
    await revokeSessions(teammate.id, teammate.organizationId);
    expect(await db.pushSubscription.count({ where: { userId: teammate.id } })).toBe(0);
  });
});

describe("the account switch", () => {
  it("turning a device on turns the account on; the app sending its subscription again at start does not", async () => {
    const { teammate } = await makeOrg("Push switch");
    const phone = service.device(`switch-${cid()}`);
    await setPushPreferences(teammate, pushPreferencesSchema.parse({ enabled: "false", quiet: "false" }));
    await saveSubscription(teammate, { ...phone.subscription, resync: true }, { sessionId: "", userAgent: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: teammate.id } })).pushEnabled).toBe(false);
    await saveSubscription(teammate, phone.subscription, { sessionId: "", userAgent: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: teammate.id } })).pushEnabled).toBe(true);
  });
});

describe("quiet hours", () => {
  it("span the evening, or run over midnight, in the organisation's time zone", () => {
    const at = (iso: string) => new Date(iso);
    expect(isQuiet(at("2026-12-02T21:30:00Z"), "Europe/Paris", 22 * 60, 7 * 60)).toBe(true); // 22:30 in Paris
    expect(isQuiet(at("2026-12-02T05:59:00Z"), "Europe/Paris", 22 * 60, 7 * 60)).toBe(true); // 06:59
    expect(isQuiet(at("2026-12-02T06:00:00Z"), "Europe/Paris", 22 * 60, 7 * 60)).toBe(false); // 07:00
    expect(isQuiet(at("2026-12-02T12:00:00Z"), "Europe/Paris", 12 * 60, 14 * 60)).toBe(true);
    expect(isQuiet(at("2026-12-02T12:00:00Z"), "Europe/Paris", null, null)).toBe(false);
    expect(
      pushPreferencesSchema.safeParse({ enabled: "on", quiet: "on", quietFrom: "22:00", quietTo: "" }).success,
    ).toBe(false);
    expect(
      pushPreferencesSchema.safeParse({ enabled: "on", quiet: "on", quietFrom: "25:00", quietTo: "07:00" }).success,
    ).toBe(false);
  });
});
