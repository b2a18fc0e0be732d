import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendInboxMessage } from "@/lib/inbox/send";
import { setProcessed } from "@/lib/inbox/processed";
import { addPrivateNote } from "@/lib/inbox/notes";
import { recordFailure, throttleKeys } from "@/lib/auth/throttle";
import { assignTeammate } from "@/lib/schedule/assignments";
import { saveUnavailability } from "@/lib/schedule/unavailability";
import { createShift } from "@/lib/seed/factories";
import { cid, makeOrg } from "@/tests/helpers/org";
import { UserError } from "@/lib/errors";

// Writes that read a value and write from it, run at the same time. On SQLite one
// write lock serialises them; on PostgreSQL (TEST_POSTGRES_URL) they really overlap,
// and each must still be atomic: no lost update, no duplicate, no double booking.

const together = <T>(n: number, fn: (i: number) => Promise<T>) =>
  Promise.allSettled(Array.from({ length: n }, (_, i) => fn(i)));

describe("concurrent writes", () => {
  it("numbers concurrent sends 1..n with no gap or duplicate, and counts them all", async () => {
    const { manager, teammate } = await makeOrg();
    const results = await together(30, (i) =>
      sendInboxMessage(i % 2 ? manager : teammate, {
        conversationId: teammate.threadId,
        body: `m${i}`,
        clientId: cid(),
      }),
    );
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const seqs = (await db.message.findMany({ where: { conversationId: teammate.threadId }, select: { seq: true } }))
      .map((m) => m.seq)
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect((await db.conversation.findUniqueOrThrow({ where: { id: teammate.threadId } })).lastSeq).toBe(30);
    const events = await db.event.findMany({
      where: { organizationId: teammate.organizationId },
      select: { seq: true },
    });
    const eventSeqs = events.map((e) => e.seq).sort((a, b) => a - b);
    expect(eventSeqs).toEqual(Array.from({ length: eventSeqs.length }, (_, i) => i + 1));
  });

  it("the same retried send, at the same moment, is stored once", async () => {
    const { teammate } = await makeOrg();
    const clientId = cid();
    const results = await together(8, () =>
      sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "once", clientId }),
    );
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(1);
  });

  it("two managers marking processed at once record one change", async () => {
    const { manager, manager2, teammate } = await makeOrg();
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "?", clientId: cid() });
    const results = await together(6, (i) => setProcessed(i % 2 ? manager : manager2, teammate.threadId, true));
    const changed = results.filter((r) => r.status === "fulfilled" && r.value.changed);
    expect(changed).toHaveLength(1);
    expect(await db.processedChange.count({ where: { conversationId: teammate.threadId, processed: true } })).toBe(1);
  });

  it("a note retried at once is stored once, every call answered", async () => {
    const { manager, teammate } = await makeOrg();
    const clientId = cid();
    const results = await together(6, () =>
      addPrivateNote(manager, { conversationId: teammate.threadId, body: "n", clientId }),
    );
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await db.privateNote.count({ where: { conversationId: teammate.threadId } })).toBe(1);
  });

  it("counts every concurrent failed sign-in", async () => {
    const keys = throttleKeys(`race-${cid()}@t.test`, `10.9.${Math.floor(Math.random() * 200)}.1`);
    await together(4, () => recordFailure(keys));
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key: keys.account } })).failures).toBe(4);
  });

  it("overlapping unavailability periods added at once: only one is stored", async () => {
    const o = await makeOrg();
    const results = await together(5, (i) =>
      saveUnavailability(i % 2 ? o.manager : o.manager2, {
        userId: o.teammate.id,
        startsAt: `2031-05-05T0${i + 1}:00`,
        endsAt: "2031-05-05T12:00",
        reason: "",
      }),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.unavailability.count({ where: { userId: o.teammate.id } })).toBe(1);
  });

  it("a teammate is not assigned over an unavailability added at the same moment", async () => {
    const o = await makeOrg();
    const activity = await db.activity.create({ data: { organizationId: o.org.id, name: "Care" } });
    for (let round = 0; round < 5; round++) {
      const day = `2031-06-0${round + 1}`;
      const shift = await createShift(db, {
        organizationId: o.org.id,
        activityId: activity.id,
        departmentId: o.dept.id,
        place: "R",
        startsAt: new Date(`${day}T06:00:00Z`),
        endsAt: new Date(`${day}T14:00:00Z`),
      });
      // Two managers at once: one adds the period, the other assigns over it. Whatever the order,
      // an assignment that exists was checked before the period did.
      const [assigned, saved] = await Promise.allSettled([
        assignTeammate(o.manager, shift.id, o.teammate.id),
        saveUnavailability(o.manager2, {
          userId: o.teammate.id,
          startsAt: `${day}T09:00`,
          endsAt: `${day}T10:00`,
          reason: "",
        }),
      ]);
      // Every round is checked, whichever write won: the period is always kept; the assignment
      // either came first (checked before the period existed) or was refused for it.
      expect(saved.status).toBe("fulfilled");
      const period = await db.unavailability.findFirstOrThrow({
        where: { userId: o.teammate.id, startsAt: { gte: new Date(`${day}T00:00:00Z`) } },
      });
      const assignment = await db.assignment.findFirst({
        where: { shiftId: shift.id, userId: o.teammate.id, deletedAt: null },
      });
      if (assigned.status === "fulfilled") {
        expect(assignment).not.toBeNull();
        const audit = await db.auditEntry.findFirstOrThrow({
          where: { action: "assignment.added", targetId: shift.id },
        });
        expect(audit.createdAt.getTime()).toBeLessThanOrEqual(period.createdAt.getTime());
      } else {
        expect(assigned.reason).toBeInstanceOf(UserError);
        expect((assigned.reason as UserError).text.key).toBe("errors.teammateUnavailable");
        expect(assignment).toBeNull();
      }
    }
  });
});
