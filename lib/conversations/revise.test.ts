import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import { cid, makeOrg } from "@/tests/helpers/org";
import { fakePushService } from "@/tests/helpers/push-service";
import { uploadRequest } from "@/tests/helpers/files";
import { reviseMessage } from "@/lib/dispatch";
import { editMessageAction } from "@/lib/dispatch/actions";
import { sendInboxMessage } from "@/lib/inbox/send";
import { getTeammateThread } from "@/lib/inbox/queries";
import { searchInbox, searchMine } from "@/lib/inbox/search";
import { searchSchema } from "@/lib/inbox/schemas";
import { receiveFiles } from "@/lib/files/receive";
import { requireOpenableFile } from "@/lib/files/access";
import { requestAttachmentsExport } from "@/lib/exports/jobs";
import { createPrivate } from "@/lib/chat/conversations";
import { sendChatMessage } from "@/lib/chat/send";
import { saveSubscription } from "@/lib/push/settings";
import type { PushPayload } from "@/lib/push/deliver";
import { runDueJobs } from "@/lib/worker";
import type { SessionUser } from "@/lib/auth/roles";
import { messageHistory } from "./history";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const keys = webpush.generateVAPIDKeys();
process.env.VAPID_PUBLIC_KEY = keys.publicKey;
process.env.VAPID_PRIVATE_KEY = keys.privateKey;
process.env.PUSH_ALLOW_LOCAL_ENDPOINTS = "1";

let push: Awaited<ReturnType<typeof fakePushService>>;
beforeAll(async () => {
  push = await fakePushService();
});
afterAll(() => push.close());

const PARIS = "Europe/Paris";
const search = (q: string) => searchSchema.parse({ q });
const say = async (user: SessionUser, conversationId: string, body: string, more: { smsCopy?: boolean } = {}) => {
  const sent = await sendInboxMessage(user, { conversationId, body, clientId: cid(), ...more });
  return sent.message.id;
};
const edit = (user: SessionUser, conversationId: string, messageId: string, body: string) =>
  reviseMessage(user, { conversationId, messageId }, { edit: body });
const remove = (user: SessionUser, conversationId: string, messageId: string) =>
  reviseMessage(user, { conversationId, messageId }, { delete: true });
const refusal = async (work: Promise<unknown>) => {
  const error = (await work.then(
    () => null,
    (e: unknown) => e,
  )) as UserError | NotFoundError | null;
  expect(error).not.toBeNull();
  return error!;
};
const drain = async () => {
  while (await runDueJobs()) {
    // the jobs a job enqueues run too
  }
};

describe("editing a message", () => {
  it("the author edits within the window: everyone reads the new words marked edited; admins keep every version", async () => {
    const { admin, manager, teammate } = await makeOrg();
    const id = await say(teammate, teammate.threadId, "I can do Friday");
    const edited = await edit(teammate, teammate.threadId, id, "I can do Saturday");
    expect(edited).toMatchObject({ id, body: "I can do Saturday", edited: true, deleted: null });
    await edit(teammate, teammate.threadId, id, "I can do Sunday");

    const page = await getTeammateThread(teammate, teammate.threadId);
    expect(page.messages.find((m) => m.id === id)).toMatchObject({ body: "I can do Sunday", edited: true });
    const events = await db.event.findMany({
      where: { organizationId: teammate.organizationId, type: "message.revised" },
    });
    expect(events.map((e) => JSON.stringify(e.payload))).toEqual([
      expect.stringContaining("I can do Saturday"),
      expect.stringContaining("I can do Sunday"),
    ]);
    expect(events.every((e) => e.audience === "MEMBERS" && e.conversationId === teammate.threadId)).toBe(true);

    const history = await messageHistory(admin, id);
    expect(history.entries.map((e) => [e.change, e.by, e.body])).toEqual([
      ["sent", "Tess One", "I can do Friday"],
      ["edited", "Tess One", "I can do Saturday"],
      ["edited", "Tess One", "I can do Sunday"],
    ]);
    expect(await refusal(messageHistory(manager, id))).toBeInstanceOf(ForbiddenError);
    const audit = await db.auditEntry.findMany({ where: { targetType: "Message", targetId: id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["message.edited", teammate.id],
      ["message.edited", teammate.id],
    ]);
  });

  it("the search index follows: the new words are found, the old ones no longer", async () => {
    const { manager, teammate } = await makeOrg();
    const id = await say(teammate, teammate.threadId, "Parking behind the kitchen");
    expect((await searchInbox(manager, search("kitchen"), PARIS)).results).toHaveLength(1);
    await edit(teammate, teammate.threadId, id, "Parking behind the warehouse");
    expect((await searchInbox(manager, search("warehouse"), PARIS)).results).toHaveLength(1);
    expect((await searchInbox(manager, search("kitchen"), PARIS)).results).toHaveLength(0);
    expect((await searchMine(teammate, search("warehouse"), PARIS)).results).toHaveLength(1);
  });

  it("is refused after the window, when it is turned off, to anyone but the author, and with no words left", async () => {
    const { admin, manager, teammate } = await makeOrg();
    const id = await say(teammate, teammate.threadId, "On my way");
    const byManager = await refusal(edit(manager, teammate.threadId, id, "Changed by Max"));
    expect(byManager.text.key).toBe("errors.revise.notYours");
    expect((await refusal(edit(admin, teammate.threadId, id, "Changed by Ada"))).text.key).toBe(
      "errors.revise.notYours",
    );
    expect((await refusal(edit(teammate, teammate.threadId, id, "   "))).text.key).toBe("errors.messageRequired");
    // Staff's new words go through the send's check: no saved reply's variable left unfilled.
    const staffId = await say(manager, teammate.threadId, "Hello Tess");
    expect((await refusal(edit(manager, teammate.threadId, staffId, "Hello {{firstName}}"))).text.key).toBe(
      "errors.unfilledVariable",
    );

    await db.message.update({ where: { id }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    const late = await refusal(edit(teammate, teammate.threadId, id, "Too late"));
    expect(late.text).toEqual({ key: "errors.revise.editClosed", values: { minutes: 15 } });
    await db.organization.update({ where: { id: teammate.organizationId }, data: { editWindowMinutes: 30 } });
    await edit(teammate, teammate.threadId, id, "In time with 30 minutes"); // the positive control
    await db.organization.update({ where: { id: teammate.organizationId }, data: { editWindowMinutes: 0 } });
    expect((await refusal(edit(teammate, teammate.threadId, id, "Off"))).text.key).toBe("errors.revise.editOff");

    const row = await db.message.findUniqueOrThrow({ where: { id }, select: { body: true } });
    expect(row.body).toBe("In time with 30 minutes");
    expect(await db.messageVersion.count({ where: { messageId: id } })).toBe(1);
  });

  it("refuses someone outside the thread, another organisation, and a message that is not written words", async () => {
    const { manager, teammate, teammate2 } = await makeOrg();
    const other = await makeOrg("Other");
    const id = await say(teammate, teammate.threadId, "Mine");
    expect(await refusal(edit(teammate2, teammate.threadId, id, "Theo's"))).toBeInstanceOf(NotFoundError);
    expect(await refusal(remove(other.admin, teammate.threadId, id))).toBeInstanceOf(NotFoundError);
    // The id of a message in another thread, with a thread the reader may see: not found either.
    expect(await refusal(remove(teammate2, teammate2.threadId, id))).toBeInstanceOf(NotFoundError);
    const question = await db.message.create({
      data: {
        organizationId: teammate.organizationId,
        conversationId: teammate.threadId,
        seq: 999,
        kind: "SYSTEM",
        body: "Shiftline",
        clientId: cid(),
      },
    });
    expect((await refusal(remove(manager, teammate.threadId, question.id))).text.key).toBe("errors.revise.gone");
    expect(await db.message.findUniqueOrThrow({ where: { id } })).toMatchObject({ body: "Mine", deletedAt: null });
  });

  it("answers a bad form with a message and writes nothing; a good one through the same action edits", async () => {
    const { teammate } = await makeOrg();
    const id = await say(teammate, teammate.threadId, "Before");
    session.user = teammate;
    const long = await editMessageAction(null, {
      conversationId: teammate.threadId,
      messageId: id,
      body: "x".repeat(5000),
    });
    expect(long).toMatchObject({ ok: false, fieldErrors: { body: ["Messages are limited to 4,000 characters."] } });
    const stale = await editMessageAction(null, { conversationId: "", messageId: id, body: "After" });
    expect(stale.ok).toBe(false);
    expect((await db.message.findUniqueOrThrow({ where: { id } })).body).toBe("Before");
    const ok = await editMessageAction(null, { conversationId: teammate.threadId, messageId: id, body: "After" });
    expect(ok).toMatchObject({ ok: true, message: { body: "After", edited: true } });
    session.user = null;
    expect((await editMessageAction(null, { conversationId: teammate.threadId, messageId: id, body: "X" })).ok).toBe(
      false,
    );
  });
});

describe("deleting a message", () => {
  it("by its author: readers see it deleted, the text is gone from the page and the event, admins keep it", async () => {
    const { admin, manager, teammate } = await makeOrg();
    const id = await say(manager, teammate.threadId, "Wrong address: 12 rue Oberkampf");
    await say(manager, teammate.threadId, "Ignore that");
    const gone = await remove(manager, teammate.threadId, id);
    expect(gone).toMatchObject({ id, body: "", attachments: [], deleted: "author" });

    const page = await getTeammateThread(teammate, teammate.threadId);
    expect(page.messages.map((m) => [m.body, m.deleted])).toEqual([
      ["", "author"],
      ["Ignore that", null],
    ]);
    expect(JSON.stringify(page)).not.toContain("Oberkampf");
    const event = await db.event.findFirstOrThrow({
      where: { organizationId: admin.organizationId, type: "message.revised" },
    });
    expect(JSON.stringify(event.payload)).not.toContain("Oberkampf");
    expect((await db.message.findUniqueOrThrow({ where: { id } })).body).toBe("");
    const history = await messageHistory(admin, id);
    expect(history.entries.map((e) => [e.change, e.by, e.body])).toEqual([
      ["sent", "Max Manager", "Wrong address: 12 rue Oberkampf"],
      ["deleted", "Max Manager", null],
    ]);
    expect((await refusal(edit(manager, teammate.threadId, id, "Back"))).text.key).toBe("errors.revise.gone");
  });

  it("of a teammate's message: refused to a manager, allowed to an admin, audited, and the thread says an admin did it", async () => {
    const { admin, manager, teammate } = await makeOrg();
    const id = await say(teammate, teammate.threadId, "Something rude");
    expect((await refusal(remove(manager, teammate.threadId, id))).text.key).toBe("errors.revise.notYours");
    expect(await remove(admin, teammate.threadId, id)).toMatchObject({ deleted: "admin", body: "" });
    const page = await getTeammateThread(teammate, teammate.threadId);
    expect(page.messages.find((m) => m.id === id)).toMatchObject({ deleted: "admin", body: "" });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { targetType: "Message", targetId: id } });
    expect(audit).toMatchObject({ action: "message.deleted", actorId: admin.id });
    expect(audit.data).toMatchObject({ authorId: teammate.id, name: "Tess One" });
  });

  it("leaves no path to a teammate: search, a push not yet sent, an SMS not yet sent, its files and the export", async () => {
    const { manager, teammate } = await makeOrg();
    await db.user.update({ where: { id: teammate.id }, data: { phone: "+33611223344" } });
    await db.teammateProfile.update({ where: { userId: teammate.id }, data: { smsConsent: true } });
    const phone = `tess-${cid()}`;
    const device = push.device(phone);
    await saveSubscription(teammate, device.subscription, { sessionId: "", userAgent: "test" });
    const got = await receiveFiles(uploadRequest([{ name: "secret-plan.pdf", data: "%PDF-1.4 plan" }]), {
      organizationId: manager.organizationId,
      conversationId: teammate.threadId,
      uploaderId: manager.id,
      fromStaff: true,
    });
    const secret = await sendInboxMessage(manager, {
      conversationId: teammate.threadId,
      body: "Codeword zanzibar",
      clientId: cid(),
      smsCopy: true,
      attachmentIds: got.files.map((f) => f.id),
    });
    const keptFile = await receiveFiles(uploadRequest([{ name: "kept-plan.pdf", data: "%PDF-1.4 kept" }]), {
      organizationId: manager.organizationId,
      conversationId: teammate.threadId,
      uploaderId: manager.id,
      fromStaff: true,
    });
    const kept = (
      await sendInboxMessage(manager, {
        conversationId: teammate.threadId,
        body: "Codeword kept zanzibar",
        clientId: cid(),
        smsCopy: true,
        attachmentIds: keptFile.files.map((f) => f.id),
      })
    ).message.id;
    await remove(manager, teammate.threadId, secret.message.id);
    await drain();

    // The message sent beside it arrives by every path (the positive control); the deleted one by none.
    const pushed = push.received.filter((r) => r.device === phone).map((r) => device.decrypt(r.body) as PushPayload);
    expect(pushed.map((p) => p.body)).toEqual(["Codeword kept zanzibar"]);
    expect(JSON.stringify(pushed)).not.toContain("secret-plan");
    const sms = await db.smsDelivery.findMany({ where: { recipientId: teammate.id }, orderBy: { createdAt: "asc" } });
    expect(sms.map((s) => [s.messageId, s.status])).toEqual([
      [secret.message.id, "FAILED"],
      [kept, "SENT"],
    ]);
    expect((await searchMine(teammate, search("zanzibar"), PARIS)).results.map((r) => r.id)).toEqual([kept]);
    expect((await searchInbox(manager, search("zanzibar"), PARIS)).results.map((r) => r.id)).toEqual([kept]);
    await requireOpenableFile(teammate, keptFile.files[0]!.id);
    expect(await refusal(requireOpenableFile(teammate, got.files[0]!.id))).toBeInstanceOf(NotFoundError);
    const { id: exportId } = await requestAttachmentsExport(manager, { filters: {} });
    await drain();
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: exportId } })).toMatchObject({
      status: "DONE",
      total: 1, // the kept message's file, not the deleted one's
    });
  });

  it("an edit reaches SMS copies that have not left yet", async () => {
    const { manager, teammate } = await makeOrg();
    await db.user.update({ where: { id: teammate.id }, data: { phone: "+33611223355" } });
    await db.teammateProfile.update({ where: { userId: teammate.id }, data: { smsConsent: true } });
    const id = await say(manager, teammate.threadId, "Meet at gate 4", { smsCopy: true });
    await edit(manager, teammate.threadId, id, "Meet at gate 7");
    await drain();
    const sms = await db.smsDelivery.findFirstOrThrow({ where: { messageId: id } });
    expect(sms.status).toBe("SENT");
    expect(sms.body).toContain("Meet at gate 7");
    expect(sms.body).not.toContain("gate 4");
  });
});

describe("in chat", () => {
  it("a member edits and deletes their own message; another member cannot; the event goes to the chat", async () => {
    const { teammate, teammate2 } = await makeOrg("Chat", { chatEnabled: true });
    const dept = (await db.teammateProfile.findUniqueOrThrow({ where: { userId: teammate.id } })).departmentId!;
    const { conversationId } = await createPrivate(teammate, {
      departmentId: dept,
      name: "Night crew",
      memberIds: [teammate2.id],
      clientId: cid(),
    });
    const sent = await sendChatMessage(teammate, { conversationId, body: "Pizza at 9", clientId: cid() });
    const id = sent.message.id;
    expect((await refusal(edit(teammate2, conversationId, id, "Pizza at 10"))).text.key).toBe("errors.revise.notYours");
    expect((await refusal(remove(teammate2, conversationId, id))).text.key).toBe("errors.revise.notYours");
    expect(await edit(teammate, conversationId, id, "Pizza at 10")).toMatchObject({ edited: true });
    expect(await remove(teammate, conversationId, id)).toMatchObject({ deleted: "author", body: "" });
    const events = await db.event.findMany({ where: { conversationId, type: "message.revised" } });
    expect(events.map((e) => e.audience)).toEqual(["CHAT", "CHAT"]);
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.lastMessagePreview).not.toContain("Pizza");
  });
});
