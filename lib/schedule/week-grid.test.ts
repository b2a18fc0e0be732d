import { describe, expect, it } from "vitest";
import { buildWeekGrid } from "./week-grid";

const person = (id: string, departmentId: string | null = "care") => ({
  id,
  firstName: id,
  lastName: id.toUpperCase(),
  departmentId,
});
const shift = (id: string, startsAt: string, endsAt: string, assigned: string[], needed = 1, department = "care") => ({
  id,
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
  place: "Home",
  needed,
  activity: { name: id },
  department: { id: department, name: department },
  assignments: assigned.map((a) => ({ user: { id: a, firstName: a, lastName: a.toUpperCase() } })),
});
const monday = new Date("2026-12-07T00:00:00Z");
const timeZone = "Europe/Paris";

describe("the week grid", () => {
  it("puts each shift on its person's calendar day in the organisation's zone, and marks clashes", () => {
    const grid = buildWeekGrid({
      monday,
      timeZone,
      people: [person("ana"), person("bob")],
      // 23:30 UTC on Monday is Tuesday 00:30 in Paris.
      shifts: [
        shift("late", "2026-12-07T23:30:00Z", "2026-12-08T05:00:00Z", ["ana"]),
        shift("early", "2026-12-08T04:00:00Z", "2026-12-08T08:00:00Z", ["ana"]),
        shift("calm", "2026-12-09T08:00:00Z", "2026-12-09T12:00:00Z", ["bob"]),
      ],
      away: [],
    });
    expect(grid.days).toEqual([
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
      "2026-12-10",
      "2026-12-11",
      "2026-12-12",
      "2026-12-13",
    ]);
    const ana = grid.rows.find((r) => r.person.id === "ana")!;
    expect(ana.cells["2026-12-07"]!.shifts).toEqual([]);
    expect(ana.cells["2026-12-08"]!.shifts.map((s) => [s.id, s.conflict])).toEqual([
      ["late", true],
      ["early", true],
    ]);
    const bob = grid.rows.find((r) => r.person.id === "bob")!;
    expect(bob.cells["2026-12-09"]!.shifts.map((s) => [s.id, s.conflict])).toEqual([["calm", false]]);
  });

  it("shades every day an unavailability touches and marks a shift inside it", () => {
    const grid = buildWeekGrid({
      monday,
      timeZone,
      people: [person("ana")],
      shifts: [shift("tue", "2026-12-08T08:00:00Z", "2026-12-08T12:00:00Z", ["ana"])],
      // Monday 10:00 to Wednesday 00:00 Paris: Monday and Tuesday, not Wednesday.
      away: [
        {
          userId: "ana",
          startsAt: new Date("2026-12-07T09:00:00Z"),
          endsAt: new Date("2026-12-08T23:00:00Z"),
          reason: "Training",
        },
      ],
    });
    const cells = grid.rows[0]!.cells;
    expect(cells["2026-12-07"]!.away).toEqual([{ reason: "Training" }]);
    expect(cells["2026-12-08"]!.away).toEqual([{ reason: "Training" }]);
    expect(cells["2026-12-09"]!.away).toEqual([]);
    expect(cells["2026-12-08"]!.shifts[0]!.conflict).toBe(true);
  });

  it("lists shifts that need people, with who of their department is free then", () => {
    const grid = buildWeekGrid({
      monday,
      timeZone,
      people: [person("ana"), person("bob"), person("cat"), person("dan"), person("eve", "hotel")],
      shifts: [
        shift("open", "2026-12-10T08:00:00Z", "2026-12-10T12:00:00Z", ["ana"], 3),
        // Bob works then elsewhere; Cat is away; Eve is in another department.
        shift("other", "2026-12-10T10:00:00Z", "2026-12-10T14:00:00Z", ["bob"]),
        shift("full", "2026-12-11T08:00:00Z", "2026-12-11T12:00:00Z", ["dan"]),
      ],
      away: [
        {
          userId: "cat",
          startsAt: new Date("2026-12-10T00:00:00Z"),
          endsAt: new Date("2026-12-11T00:00:00Z"),
          reason: null,
        },
      ],
    });
    expect(grid.open.map((o) => [o.shift.id, o.day, o.missing, o.candidates.map((c) => c.id)])).toEqual([
      ["open", "2026-12-10", 2, ["dan"]],
    ]);
  });

  it("gives a row to someone of another department who works one of the week's shifts", () => {
    const grid = buildWeekGrid({
      monday,
      timeZone,
      people: [person("ana")],
      shifts: [shift("help", "2026-12-12T08:00:00Z", "2026-12-12T12:00:00Z", ["zoe"])],
      away: [],
    });
    expect(grid.rows.map((r) => r.person.id)).toEqual(["ana", "zoe"]);
  });
});
