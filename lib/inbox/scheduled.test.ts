import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import { runDueJobs } from "@/lib/worker";
import { utcToLocalInput } from "@/lib/text/time";
import { cid, makeOrg } from "@/tests/helpers/org";
import { cancelScheduled, editScheduled, listScheduled, scheduleGrouped, scheduleMessage } from "./scheduled";
import { sendInboxMessage } from "./send";

const PARIS = "Europe/Paris";
const inParis = (msFromNow: number) => utcToLocalInput(new Date(Date.now() + msFromNow), PARIS);
const HOUR = 3600_000;

/** The clock moved to the scheduled time: its jobs are due now. */
async function timeComes() {
  await db.job.updateMany({ where: { kind: "message.scheduled", doneAt: null }, data: { runAt: new Date() } });
  while (await runDueJobs()) {
    /* until nothing is due */
  }
}
const bodies = (conversationId: string) =>
  db.message
    .findMany({ where: { conversationId }, orderBy: { seq: "asc" }, select: { body: true } })
    .then((m) => m.map((x) => x.body));

describe("send later", () => {
  it("a thread's message leaves once at its time, in the organisation's time zone", async () => {
    const { manager, teammate } = await makeOrg();
    const local = inParis(2 * HOUR);
    const form = {
      conversationId: teammate.threadId,
      body: "Reminder: badge",
      clientId: cid(),
      sendAt: local,
      smsCopy: false,
      urgent: false,
    };
    const { id, sendAt } = await scheduleMessage(manager, form, PARIS);
    expect(utcToLocalInput(sendAt, PARIS)).toBe(local);
    // The same form posted twice is one scheduled message.
    expect((await scheduleMessage(manager, form, PARIS)).id).toBe(id);
    expect((await listScheduled(manager, teammate.threadId)).map((r) => [r.body, r.status, r.mine])).toEqual([
      ["Reminder: badge", "SCHEDULED", true],
    ]);
    // Nothing before its time (the positive control: it is there, waiting).
    await runDueJobs();
    expect(await bodies(teammate.threadId)).toEqual([]);

    await timeComes();
    expect(await bodies(teammate.threadId)).toEqual(["Reminder: badge"]);
    const row = await db.scheduledMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("SENT");
    // Its job run again (a restart after the send): still one message.
    await db.job.updateMany({
      where: { kind: "message.scheduled" },
      data: { doneAt: null, lockedBy: null, runAt: new Date() },
    });
    await runDueJobs();
    expect(await bodies(teammate.threadId)).toEqual(["Reminder: badge"]);
    expect(await listScheduled(manager, teammate.threadId)).toEqual([]);
  });

  it("sent exactly once even when the send got through before a crash", async () => {
    const { manager, teammate } = await makeOrg();
    const clientId = cid();
    await scheduleMessage(
      manager,
      {
        conversationId: teammate.threadId,
        body: "Once only",
        clientId,
        sendAt: inParis(HOUR),
        smsCopy: false,
        urgent: false,
      },
      PARIS,
    );
    // The send committed, then the worker died before marking it sent.
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "Once only", clientId });
    await timeComes();
    expect(await bodies(teammate.threadId)).toEqual(["Once only"]);
    expect((await db.scheduledMessage.findFirstOrThrow({ where: { clientId } })).status).toBe("SENT");
  });

  it("is changed or cancelled until it leaves: the old time's job finds nothing to do", async () => {
    const { manager, manager2, admin, teammate } = await makeOrg();
    const first = await scheduleMessage(
      manager,
      {
        conversationId: teammate.threadId,
        body: "Draft",
        clientId: cid(),
        sendAt: inParis(HOUR),
        smsCopy: false,
        urgent: false,
      },
      PARIS,
    );
    const second = await scheduleMessage(
      manager,
      {
        conversationId: teammate.threadId,
        body: "Never",
        clientId: cid(),
        sendAt: inParis(HOUR),
        smsCopy: false,
        urgent: false,
      },
      PARIS,
    );
    // Another manager may neither change nor cancel it; an admin may.
    await expect(cancelScheduled(manager2, second.id)).rejects.toBeInstanceOf(NotFoundError);
    await editScheduled(manager, { id: first.id, body: "Final words", sendAt: inParis(3 * HOUR) }, PARIS);
    await cancelScheduled(admin, second.id);
    await expect(cancelScheduled(manager, second.id)).rejects.toBeInstanceOf(UserError);
    expect(await db.job.count({ where: { kind: "message.scheduled", organizationId: manager.organizationId } })).toBe(
      3,
    );

    await timeComes();
    expect(await bodies(teammate.threadId)).toEqual(["Final words"]);
    await expect(
      editScheduled(manager, { id: first.id, body: "Too late", sendAt: inParis(HOUR) }, PARIS),
    ).rejects.toBeInstanceOf(UserError);
  });

  it("refuses a time in the past, a time the clocks skip, a forgotten variable, and writes nothing", async () => {
    const { manager, teammate } = await makeOrg();
    const base = { conversationId: teammate.threadId, clientId: cid(), smsCopy: false, urgent: false };
    const refused = (body: string, sendAt: string) =>
      scheduleMessage(manager, { ...base, body, sendAt }, PARIS).then(
        () => null,
        (e: unknown) => (e instanceof UserError ? e.text.key : e),
      );
    expect(await refused("Hi", inParis(-HOUR))).toBe("errors.scheduled.past");
    expect(await refused("Hi", "2027-03-28T02:30")).toBe("errors.scheduled.notATime"); // Paris goes from 02:00 to 03:00
    expect(await refused("Hi", "2027-02-31T07:00")).toBe("errors.scheduled.notATime");
    expect(await refused("Hi", inParis(400 * 24 * HOUR))).toBe("errors.scheduled.tooFar");
    expect(await refused("Hello {{firstName}}", inParis(HOUR))).toBe("errors.unfilledVariable");
    expect(await db.scheduledMessage.count({ where: { organizationId: manager.organizationId } })).toBe(0);
    expect(await db.job.count({ where: { kind: "message.scheduled", organizationId: manager.organizationId } })).toBe(
      0,
    );
  });

  it("keeps the wall-clock time across a daylight-saving change", async () => {
    const { manager, teammate } = await makeOrg();
    const at = async (sendAt: string) =>
      (
        await scheduleMessage(
          manager,
          { conversationId: teammate.threadId, body: "x", clientId: cid(), sendAt, smsCopy: false, urgent: false },
          PARIS,
        )
      ).sendAt.toISOString();
    expect(await at("2027-03-27T07:00")).toBe("2027-03-27T06:00:00.000Z"); // winter time, UTC+1
    expect(await at("2027-03-29T07:00")).toBe("2027-03-29T05:00:00.000Z"); // summer time, UTC+2
  });

  it("a grouped message leaves at its time to the teammates chosen", async () => {
    const { manager, teammate, teammate2 } = await makeOrg();
    await scheduleGrouped(
      manager,
      {
        who: { teammateIds: [teammate.id, teammate2.id] },
        body: "Staff party on Friday",
        clientId: cid(),
        smsCopy: false,
        urgent: false,
        sendAt: inParis(HOUR),
      },
      PARIS,
    );
    expect(await bodies(teammate.threadId)).toEqual([]);
    await timeComes();
    expect(await bodies(teammate.threadId)).toEqual(["Staff party on Friday"]);
    expect(await bodies(teammate2.threadId)).toEqual(["Staff party on Friday"]);
    expect(await db.messageBatch.count({ where: { organizationId: manager.organizationId } })).toBe(1);
  });

  it("refuses teammates, managers without messaging and other organisations' threads", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    const input = {
      conversationId: a.teammate.threadId,
      body: "x",
      clientId: cid(),
      sendAt: inParis(HOUR),
      smsCopy: false,
      urgent: false,
    };
    await expect(scheduleMessage(a.teammate, input, PARIS)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(scheduleMessage({ ...a.manager, messagingAccess: false }, input, PARIS)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(scheduleMessage(b.manager, input, PARIS)).rejects.toBeInstanceOf(NotFoundError);
    const mine = await scheduleMessage(a.manager, input, PARIS);
    await expect(cancelScheduled(b.admin, mine.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listScheduled(b.manager)).toEqual([]);
  });
});
