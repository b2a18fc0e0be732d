import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createShift } from "@/lib/seed/factories";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import { cid, makeOrg } from "@/tests/helpers/org";
import { askAboutShift } from "./questions";
import { getStaffThread, getTeammateThread } from "@/lib/inbox/queries";
import { assignTeammate, deleteAssignmentFromMessage, unassignTeammate } from "./assignments";
import { saveUnavailability } from "./unavailability";
import { unavailabilitySchema, weekSchema } from "./schemas";
import { weekGridData } from "./queries";
import { zonedToUtc, utcToLocalInput } from "@/lib/text/time";

// Organisations are created in Europe/Paris: 07:00 there is 06:00 UTC in November.
async function world() {
  const o = await makeOrg();
  const activity = await db.activity.create({ data: { organizationId: o.org.id, name: "Morning care" } });
  const shift = await createShift(db, {
    organizationId: o.org.id,
    activityId: activity.id,
    departmentId: o.dept.id,
    place: "Residence",
    startsAt: new Date("2030-11-18T06:00:00Z"),
    endsAt: new Date("2030-11-18T14:00:00Z"),
    assignees: [o.teammate.id],
  });
  return { ...o, shift };
}

describe("time zones", () => {
  it("reads wall-clock input in the organisation's time zone", () => {
    expect(zonedToUtc("2030-11-18T07:00", "Europe/Paris").toISOString()).toBe("2030-11-18T06:00:00.000Z");
    expect(zonedToUtc("2030-07-01T07:00", "Europe/Paris").toISOString()).toBe("2030-07-01T05:00:00.000Z");
    expect(utcToLocalInput(new Date("2030-11-18T06:00:00Z"), "Europe/Paris")).toBe("2030-11-18T07:00");
  });
});

describe("the week in the address", () => {
  it("takes a real calendar day and ignores anything else (this week is shown)", () => {
    expect(weekSchema.parse({ week: "2026-11-16" }).week).toBe("2026-11-16");
    for (const week of [
      "2026-99-99",
      "2026-02-31",
      "2026-11-16T00:00",
      "yesterday",
      ["2026-11-16", "x"],
      "9999-12-31",
      "0001-01-01",
    ])
      expect(weekSchema.parse({ week }).week).toBeUndefined();
  });
});

describe("unavailability periods", () => {
  it("refuses an end before the start", () => {
    const r = unavailabilitySchema.safeParse({ userId: "u", startsAt: "2030-11-18T10:00", endsAt: "2030-11-18T09:00" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ["endsAt"], message: "errors.endBeforeStart" });
  });

  it("refuses dates that are not on the calendar, and an end that is not after the start once read in the time zone", async () => {
    const { manager, teammate } = await makeOrg();
    const save = (startsAt: string, endsAt: string) =>
      saveUnavailability(manager, { userId: teammate.id, startsAt, endsAt, reason: "" });
    await expect(save("2030-02-31T08:00", "2030-03-01T12:00")).rejects.toThrow(
      "2030-02-31 08:00 is not a date and time of the calendar here.",
    );
    await expect(save("2030-11-18T08:00", "2030-11-18T24:30")).rejects.toBeInstanceOf(UserError);
    // 31 March 2030, 02:30 does not happen in Paris: the clocks go from 02:00 to 03:00.
    await expect(save("2030-03-31T02:30", "2030-03-31T05:00")).rejects.toThrow(/not a date and time/);
    // 27 October 2030: 02:30 happens twice in Paris; an "end" of 02:10 read after a start of 02:50 is not after it.
    await expect(save("2030-10-27T02:50", "2030-10-27T02:10")).rejects.toThrow();
    expect(await db.unavailability.count({ where: { userId: teammate.id } })).toBe(0);
  });

  it("refuses overlaps, accepts touching periods, and an edit does not clash with itself", async () => {
    const { manager, teammate } = await makeOrg();
    const first = await saveUnavailability(manager, {
      userId: teammate.id,
      startsAt: "2030-11-18T08:00",
      endsAt: "2030-11-18T12:00",
      reason: "Doctor",
    });
    await expect(
      saveUnavailability(manager, {
        userId: teammate.id,
        startsAt: "2030-11-18T11:00",
        endsAt: "2030-11-18T13:00",
        reason: "",
      }),
    ).rejects.toThrow(/overlaps another unavailability: 18 Nov 2030, 08:00 – 18 Nov 2030, 12:00 \(Doctor\)/);
    await saveUnavailability(manager, {
      userId: teammate.id,
      startsAt: "2030-11-18T12:00",
      endsAt: "2030-11-18T13:00",
      reason: "",
    });
    await saveUnavailability(manager, {
      id: first.id,
      userId: teammate.id,
      startsAt: "2030-11-18T07:00",
      endsAt: "2030-11-18T12:00",
      reason: "Doctor",
    });
    const periods = await db.unavailability.findMany({ where: { userId: teammate.id }, orderBy: { startsAt: "asc" } });
    expect(periods.map((p) => p.startsAt.toISOString())).toEqual([
      "2030-11-18T06:00:00.000Z",
      "2030-11-18T11:00:00.000Z",
    ]);
  });

  it("is staff-only and scoped to the organisation", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    const input = { userId: a.teammate.id, startsAt: "2030-11-18T08:00", endsAt: "2030-11-18T09:00", reason: "" };
    await expect(saveUnavailability(a.teammate, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveUnavailability(b.manager, input)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("shift questions and Delete assignment", () => {
  it("a teammate asks about their own shift; the message is linked to it", async () => {
    const w = await world();
    const { message } = await askAboutShift(w.teammate, {
      kind: "SHIFT_QUESTION",
      shiftId: w.shift.id,
      body: "Where do I park?",
      clientId: cid(),
    });
    const stored = await db.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored).toMatchObject({
      kind: "SHIFT_QUESTION",
      shiftId: w.shift.id,
      conversationId: w.teammate.threadId,
      body: "Where do I park?",
    });
    await expect(
      askAboutShift(w.teammate2, { kind: "SHIFT_QUESTION", shiftId: w.shift.id, body: "?", clientId: cid() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      askAboutShift(w.manager, { kind: "SHIFT_QUESTION", shiftId: w.shift.id, body: "?", clientId: cid() }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("deletes the assignment once, adds the unavailability, records who, and tells the teammate", async () => {
    const w = await world();
    const { message } = await askAboutShift(w.teammate, {
      kind: "UNAVAILABILITY_REPORT",
      shiftId: w.shift.id,
      body: "Sick",
      clientId: cid(),
    });
    const first = await deleteAssignmentFromMessage(w.manager, message.id, true);
    expect(first.done).toBe("deleted");
    expect(first.summary).toMatch(/^Assignment deleted by Max on .*; set as unavailable in this time slot$/);
    const assignment = await db.assignment.findUniqueOrThrow({
      where: { shiftId_userId: { shiftId: w.shift.id, userId: w.teammate.id } },
    });
    expect(assignment).toMatchObject({ deletedById: w.manager.id });
    const periods = await db.unavailability.findMany({ where: { userId: w.teammate.id } });
    expect(periods).toMatchObject([
      {
        startsAt: new Date("2030-11-18T06:00:00Z"),
        endsAt: new Date("2030-11-18T14:00:00Z"),
        reason: "Sick",
        sourceMessageId: message.id,
      },
    ]);
    const system = await db.message.findFirstOrThrow({
      where: { conversationId: w.teammate.threadId, kind: "SYSTEM" },
    });
    expect(system.body).toMatch(
      /^Your assignment to Morning care on 18 Nov 2030, 07:00–15:00 was deleted\. You are marked unavailable/,
    );

    // What staff did is theirs: the teammate's thread never carries it, the staff thread does.
    const own = await getTeammateThread(w.teammate, w.teammate.threadId);
    expect(own.messages.find((m) => m.id === message.id)).toMatchObject({ action: null });
    expect(JSON.stringify(own)).not.toContain("assignmentDeleted");
    // Both views know the teammate is off that shift now.
    expect(own.goneShiftIds).toEqual([w.shift.id]);
    const staffView = await getStaffThread(w.manager, w.teammate.threadId);
    expect(staffView.messages.find((m) => m.id === message.id)?.action).toMatchObject({
      kind: "assignmentDeleted",
      by: "Max",
      unavailable: "set",
    });

    const again = await deleteAssignmentFromMessage(w.manager2, message.id, true);
    expect(again).toEqual({ done: "already", action: first.action, summary: first.summary });
    expect(await db.unavailability.count({ where: { userId: w.teammate.id } })).toBe(1);
    expect(await db.message.count({ where: { conversationId: w.teammate.threadId, kind: "SYSTEM" } })).toBe(1);
  });

  it("speaks to each person in their own language: the teammate's report and the system message in French, the record in each manager's", async () => {
    const w = await world();
    await db.user.update({ where: { id: w.teammate.id }, data: { locale: "fr" } });
    const teammate = { ...w.teammate, locale: "fr" };
    const { message } = await askAboutShift(teammate, {
      kind: "UNAVAILABILITY_REPORT",
      shiftId: w.shift.id,
      body: "Malade",
      clientId: cid(),
    });
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).body).toBe(
      "Je ne suis pas disponible pour ce créneau : Malade",
    );

    // An English manager acts: the teammate is told in French, the manager reads English.
    const done = await deleteAssignmentFromMessage(w.manager, message.id, true);
    expect(done.summary).toMatch(/^Assignment deleted by Max on \d/);
    const system = await db.message.findFirstOrThrow({
      where: { conversationId: w.teammate.threadId, kind: "SYSTEM" },
    });
    expect(system.body).toBe(
      "Votre affectation à Morning care le 18 nov. 2030, 07:00–15:00 a été supprimée. Vous êtes indiqué comme indisponible sur ce créneau.",
    );
    // The French reason was read back from the French report.
    expect(await db.unavailability.findMany({ where: { userId: w.teammate.id }, select: { reason: true } })).toEqual([
      { reason: "Malade" },
    ]);
    // A French manager opening the same record reads it in French.
    const again = await deleteAssignmentFromMessage({ ...w.manager2, locale: "fr" }, message.id, true);
    expect(again.summary).toMatch(/^Affectation supprimée par Max le .* ; indiqué comme indisponible sur ce créneau$/);
  });

  it("says so when the assignment is already gone", async () => {
    const w = await world();
    const { message } = await askAboutShift(w.teammate, {
      kind: "SHIFT_QUESTION",
      shiftId: w.shift.id,
      body: "Can I swap?",
      clientId: cid(),
    });
    await unassignTeammate(w.manager, w.shift.id, w.teammate.id);
    await expect(deleteAssignmentFromMessage(w.manager, message.id, false)).rejects.toThrow(/already deleted on/);
    await expect(deleteAssignmentFromMessage(w.manager, message.id, false)).rejects.toBeInstanceOf(UserError);
  });

  it("refuses teammates and other organisations", async () => {
    const w = await world();
    const b = await makeOrg("B");
    const { message } = await askAboutShift(w.teammate, {
      kind: "SHIFT_QUESTION",
      shiftId: w.shift.id,
      body: "?",
      clientId: cid(),
    });
    await expect(deleteAssignmentFromMessage(w.teammate, message.id, false)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteAssignmentFromMessage(b.manager, message.id, false)).rejects.toBeInstanceOf(NotFoundError);
    await expect(unassignTeammate(w.teammate, w.shift.id, w.teammate.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assignTeammate(b.manager, w.shift.id, w.teammate2.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.assignment.count({ where: { shiftId: w.shift.id, deletedAt: null } })).toBe(1);
  });
});

describe("assigning", () => {
  it("refuses a teammate who is unavailable then, with the reason", async () => {
    const w = await world();
    await saveUnavailability(w.manager, {
      userId: w.teammate2.id,
      startsAt: "2030-11-18T00:00",
      endsAt: "2030-11-18T23:59",
      reason: "Holiday",
    });
    await expect(assignTeammate(w.manager, w.shift.id, w.teammate2.id)).rejects.toThrow(
      "Theo is unavailable then: 18 Nov 2030, 00:00 – 18 Nov 2030, 23:59 (Holiday).",
    );
    await expect(assignTeammate(w.manager, w.shift.id, w.teammate.id)).rejects.toThrow(
      "Tess is already assigned to this shift.",
    );
    await unassignTeammate(w.manager, w.shift.id, w.teammate.id);
    await assignTeammate(w.manager, w.shift.id, w.teammate.id);
    expect(await db.assignment.count({ where: { shiftId: w.shift.id, deletedAt: null } })).toBe(1);
  });
});

describe("schedule changes are live", () => {
  const scheduleEvents = (organizationId: string) =>
    db.event.findMany({
      where: { organizationId, type: "schedule.changed" },
      orderBy: { id: "asc" },
      select: { audience: true, userId: true, payload: true },
    });

  it("assigning, unassigning and unavailability tell staff and the teammate concerned, nobody else", async () => {
    const w = await world();
    await assignTeammate(w.manager, w.shift.id, w.teammate2.id);
    await unassignTeammate(w.manager, w.shift.id, w.teammate2.id);
    await saveUnavailability(w.manager, {
      userId: w.teammate.id,
      startsAt: "2030-12-01T08:00",
      endsAt: "2030-12-01T12:00",
      reason: "",
    });
    const events = await scheduleEvents(w.org.id);
    expect(events.map((e) => [e.audience, e.userId])).toEqual([
      ["STAFF", null],
      ["USER", w.teammate2.id],
      ["STAFF", null],
      ["USER", w.teammate2.id],
      ["STAFF", null],
      ["USER", w.teammate.id],
    ]);
    expect(events[0]!.payload).toEqual({ userIds: [w.teammate2.id], shiftId: w.shift.id });
  });

  it("Delete assignment from a shift question tells staff what was done, and the teammate only through the system message", async () => {
    const w = await world();
    const { message } = await askAboutShift(w.teammate, {
      kind: "SHIFT_QUESTION",
      shiftId: w.shift.id,
      body: "Swap?",
      clientId: cid(),
    });
    await deleteAssignmentFromMessage(w.manager, message.id, false);
    const action = await db.event.findFirstOrThrow({ where: { organizationId: w.org.id, type: "message.action" } });
    expect(action.audience).toBe("STAFF");
    const members = await db.event.findMany({ where: { organizationId: w.org.id, audience: "MEMBERS" } });
    expect(JSON.stringify(members.map((e) => e.payload))).not.toContain("Assignment deleted by");
    expect((await scheduleEvents(w.org.id)).map((e) => e.audience)).toEqual(["STAFF", "USER"]);
  });
});

describe("the week grid's data", () => {
  it("is the organisation's own week for staff, with the department's people and their absences; teammates are refused", async () => {
    const o = await world();
    const other = await world();
    await saveUnavailability(o.manager, {
      userId: o.teammate.id,
      startsAt: "2030-11-19T08:00",
      endsAt: "2030-11-19T12:00",
      reason: "Dentist",
    });
    const monday = new Date("2030-11-18T00:00:00Z");
    const data = await weekGridData(o.manager, monday, "Europe/Paris", o.dept.id);
    expect(data.shifts.map((s) => [s.id, s.needed])).toEqual([[o.shift.id, 1]]);
    expect(data.shifts.some((s) => s.id === other.shift.id)).toBe(false);
    expect(data.people.map((p) => p.id)).toContain(o.teammate.id);
    expect(data.people.some((p) => p.id === other.teammate.id)).toBe(false);
    expect(data.away).toEqual([expect.objectContaining({ userId: o.teammate.id, reason: "Dentist" })]);
    await expect(weekGridData(o.teammate, monday, "Europe/Paris")).rejects.toThrow(ForbiddenError);
  });
});
