import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runDueJobs } from "@/lib/worker";
import { NotFoundError, UserError } from "@/lib/errors";
import { makeOrg, cid } from "@/tests/helpers/org";
import type { SessionUser } from "@/lib/auth/roles";
import { sendGroupedMessage } from "./grouped";
import { batchStatus, followUpState } from "./batch-status";
import { confirmMessage, remindBatch } from "./follow-up";
import { markThreadRead } from "./read";
import { getTeammateThread } from "./queries";
import { scheduleGrouped } from "./scheduled";
import { utcToLocalInput } from "@/lib/text/time";

const drain = async () => {
  while (await runDueJobs()) {
    // the jobs a job enqueues run too
  }
};
const refusal = async (work: Promise<unknown>) =>
  (await work.then(
    () => null,
    (e: unknown) => e,
  )) as UserError | NotFoundError | null;
const copyOf = async (user: SessionUser & { threadId: string }, batchId: string) =>
  db.message.findFirstOrThrow({ where: { batchId, conversationId: user.threadId } });
const readAll = async (user: SessionUser & { threadId: string }) => {
  const t = await db.conversation.findUniqueOrThrow({ where: { id: user.threadId } });
  await markThreadRead(user, user.threadId, t.lastSeq);
};
const bodies = async (threadId: string) =>
  (await db.message.findMany({ where: { conversationId: threadId }, orderBy: { seq: "asc" } })).map((m) => m.body);

describe("following up a grouped message", () => {
  it("asks each reader to confirm: once however often they tap, only their own copy, counted on the batch page", async () => {
    const { manager, teammate, teammate2 } = await makeOrg();
    const { batchId } = await sendGroupedMessage(manager, {
      who: { teammateIds: [teammate.id, teammate2.id] },
      body: "New fire drill on Monday",
      clientId: cid(),
      smsCopy: false,
      followUp: { askConfirm: true, followUpMinutes: null },
    });
    await drain();
    const mine = await copyOf(teammate, batchId);
    const page = await getTeammateThread(teammate, teammate.threadId);
    expect(page.messages.at(-1)).toMatchObject({ id: mine.id, confirm: { at: null } });

    const first = await confirmMessage(teammate, { conversationId: teammate.threadId, messageId: mine.id });
    const again = await confirmMessage(teammate, { conversationId: teammate.threadId, messageId: mine.id });
    expect(again.confirmedAt).toEqual(first.confirmedAt);
    expect(await db.event.count({ where: { conversationId: teammate.threadId, type: "message.confirmed" } })).toBe(1);
    // Theo cannot confirm Tess's copy, nor a manager anyone's.
    expect(
      await refusal(confirmMessage(teammate2, { conversationId: teammate.threadId, messageId: mine.id })),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await refusal(confirmMessage(manager, { conversationId: teammate.threadId, messageId: mine.id })),
    ).toBeInstanceOf(NotFoundError);
    const theirs = await copyOf(teammate2, batchId);
    expect(
      await refusal(confirmMessage(teammate, { conversationId: teammate.threadId, messageId: theirs.id })),
    ).toBeInstanceOf(NotFoundError);
    expect((await copyOf(teammate2, batchId)).confirmedAt).toBeNull();

    await readAll(teammate);
    const status = await batchStatus(manager, batchId);
    expect(status.totals).toMatchObject({ recipients: 2, read: 1, confirmed: 1, waiting: 1 });
    expect(status.rows.map((r) => [r.name, r.inApp, Boolean(r.confirmedAt)])).toEqual([
      ["Tess One", "read", true],
      ["Theo Two", "delivered", false],
    ]);
  });

  it("reminds in one click those who have not read or confirmed, and no one else", async () => {
    const { manager, teammate, teammate2, addTeammate } = await makeOrg();
    const ana = await addTeammate("Ana", "Roy");
    const { batchId } = await sendGroupedMessage(manager, {
      who: { teammateIds: [teammate.id, teammate2.id, ana.id] },
      body: "Sign the new rota",
      clientId: cid(),
      smsCopy: false,
      followUp: { askConfirm: true, followUpMinutes: null },
    });
    await drain();
    // Tess read and confirmed; Theo read but did not confirm; Ana did nothing.
    await readAll(teammate);
    await confirmMessage(teammate, {
      conversationId: teammate.threadId,
      messageId: (await copyOf(teammate, batchId)).id,
    });
    await readAll(teammate2);
    expect(await remindBatch(manager, { batchId, sms: false })).toEqual({ count: 2 });
    await drain();
    expect(await bodies(ana.threadId)).toEqual(["Sign the new rota", "Reminder: Sign the new rota"]);
    expect(await bodies(teammate2.threadId)).toEqual(["Sign the new rota", "Reminder: Sign the new rota"]);
    expect(await bodies(teammate.threadId)).toEqual(["Sign the new rota"]);
    const status = await batchStatus(manager, batchId);
    expect(status.rows.filter((r) => r.remindedAt).map((r) => r.name)).toEqual(["Ana Roy", "Theo Two"]);

    // Once everyone has read and confirmed, there is nobody left to remind.
    for (const person of [teammate2, ana]) {
      await readAll(person);
      await confirmMessage(person, { conversationId: person.threadId, messageId: (await copyOf(person, batchId)).id });
    }
    expect((await refusal(remindBatch(manager, { batchId, sms: false })))?.text.key).toBe(
      "errors.grouped.nobodyToRemind",
    );
    expect(await refusal(remindBatch(teammate, { batchId, sms: false }))).not.toBeNull();
    const other = await makeOrg("Other");
    expect(await refusal(remindBatch(other.manager, { batchId, sms: false }))).toBeInstanceOf(NotFoundError);
  });

  it("follows up by itself: after N minutes, an SMS reminder to the eligible ones still unread", async () => {
    const { manager, teammate, teammate2, addTeammate } = await makeOrg();
    const ana = await addTeammate("Ana", "Roy");
    await db.user.update({ where: { id: teammate.id }, data: { phone: "+33612345678", locale: "fr" } });
    await db.teammateProfile.update({ where: { userId: teammate.id }, data: { smsConsent: true } });
    await db.user.update({ where: { id: ana.id }, data: { phone: "+33612345699" } });
    await db.teammateProfile.update({ where: { userId: ana.id }, data: { smsConsent: true } });
    // Theo has no consent; Ana reads it in time.
    const { batchId } = await sendGroupedMessage(manager, {
      who: { teammateIds: [teammate.id, teammate2.id, ana.id] },
      body: "Parking closed tomorrow",
      clientId: cid(),
      smsCopy: false,
      followUp: { askConfirm: false, followUpMinutes: 15 },
    });
    await drain();
    await readAll(ana);
    const job = await db.job.findFirstOrThrow({ where: { key: `batch-follow-up:${batchId}` } });
    expect(job.runAt.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(job.doneAt).toBeNull(); // not before its time
    await db.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    await drain();

    expect(await bodies(teammate.threadId)).toEqual(["Parking closed tomorrow", "Rappel : Parking closed tomorrow"]);
    const sms = await db.smsDelivery.findMany({ where: { message: { conversationId: teammate.threadId } } });
    expect(sms.map((s) => [s.status, s.body.startsWith("Rappel : Parking closed tomorrow")])).toEqual([["SENT", true]]);
    expect(await bodies(teammate2.threadId)).toEqual(["Parking closed tomorrow"]);
    expect(await bodies(ana.threadId)).toEqual(["Parking closed tomorrow"]);
  });

  it("says on the batch page how the follow-up went: planned, refused by the SMS limit (tried again), then sent", async () => {
    const { manager, teammate, teammate2 } = await makeOrg();
    await db.user.update({ where: { id: teammate.id }, data: { phone: "+33612345678" } });
    await db.teammateProfile.update({ where: { userId: teammate.id }, data: { smsConsent: true } });
    const { batchId } = await sendGroupedMessage(manager, {
      who: { teammateIds: [teammate.id, teammate2.id] },
      body: "Lockers emptied on Friday",
      clientId: cid(),
      smsCopy: false,
      followUp: { askConfirm: false, followUpMinutes: 20 },
    });
    await drain();
    const state = async () => followUpState(await db.messageBatch.findUniqueOrThrow({ where: { id: batchId } }));
    expect(await state()).toMatchObject({ state: "planned" });
    const due = () => db.job.updateMany({ where: { key: `batch-follow-up:${batchId}` }, data: { runAt: new Date() } });

    // Tess's number has had its 10 SMS of the hour: nothing is sent, the page says why, the queue tries again.
    const copy = await copyOf(teammate, batchId);
    const earlier = { organizationId: manager.organizationId, messageId: copy.id, toPhone: "+33612345678" };
    await db.smsDelivery.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({ ...earlier, recipientId: `earlier-${i}`, body: "Earlier" })),
    });
    await due();
    await drain();
    expect(await state()).toEqual({
      state: "problem",
      problem: { key: "errors.sms.numberLimit", values: { limit: 10, count: 1 } },
      retrying: true,
    });
    expect(await bodies(teammate.threadId)).toEqual(["Lockers emptied on Friday"]);
    const job = await db.job.findFirstOrThrow({ where: { key: `batch-follow-up:${batchId}` } });
    expect(job).toMatchObject({ doneAt: null, failedAt: null, maxAttempts: 14 });
    expect(job.attempts).toBeGreaterThanOrEqual(1);

    // An hour later, its next try finds room: Tess (a number and consent) gets it; Theo (no consent) does not.
    await db.smsDelivery.updateMany({
      where: { messageId: copy.id },
      data: { createdAt: new Date(Date.now() - 2 * 3600_000) },
    });
    await due();
    await drain();
    const sent = await state();
    expect(sent).toMatchObject({ state: "sent", count: 1 });
    expect(await bodies(teammate.threadId)).toEqual([
      "Lockers emptied on Friday",
      "Reminder: Lockers emptied on Friday",
    ]);
    expect(await bodies(teammate2.threadId)).toEqual(["Lockers emptied on Friday"]);
    expect((await db.messageBatch.findUniqueOrThrow({ where: { id: batchId } })).followUpProblem).toBeNull();
  });

  it("says the follow-up went to nobody when no one who can get an SMS is still waiting", async () => {
    const { manager, teammate } = await makeOrg();
    const { batchId } = await sendGroupedMessage(manager, {
      who: { teammateIds: [teammate.id] },
      body: "No phone here",
      clientId: cid(),
      smsCopy: false,
      followUp: { askConfirm: false, followUpMinutes: 5 },
    });
    await drain();
    await db.job.updateMany({ where: { key: `batch-follow-up:${batchId}` }, data: { runAt: new Date() } });
    await drain();
    const batch = await db.messageBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(await followUpState(batch)).toMatchObject({ state: "sent", count: 0 });
    expect(await bodies(teammate.threadId)).toEqual(["No phone here"]);
  });

  it("a grouped message sent later keeps its confirmation and follow-up", async () => {
    const { manager, teammate } = await makeOrg();
    const at = utcToLocalInput(new Date(Date.now() + 3600_000), "Europe/Paris");
    await scheduleGrouped(
      manager,
      {
        who: { teammateIds: [teammate.id] },
        body: "Later, confirm please",
        clientId: cid(),
        smsCopy: false,
        urgent: false,
        sendAt: at,
        followUp: { askConfirm: true, followUpMinutes: 30 },
      },
      "Europe/Paris",
    );
    await db.job.updateMany({
      where: { kind: "message.scheduled", organizationId: manager.organizationId },
      data: { runAt: new Date() },
    });
    await drain();
    const batch = await db.messageBatch.findFirstOrThrow({ where: { organizationId: manager.organizationId } });
    expect(batch).toMatchObject({ askConfirm: true, followUpMinutes: 30 });
    expect((await copyOf(teammate, batch.id)).confirmAsked).toBe(true);
  });
});
