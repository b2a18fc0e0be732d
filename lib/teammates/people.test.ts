import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeOrg } from "@/tests/helpers/org";
import { listPeople, PEOPLE_PAGE_SIZE } from "./queries";
import { peopleFiltersSchema } from "./schemas";

const f = (q: Record<string, string> = {}) => peopleFiltersSchema.parse(q);

describe("the people directory", () => {
  it("finds people by any word of their names or e-mail, accents and case aside, a page at a time", async () => {
    const o = await makeOrg();
    const zoe = await o.addTeammate("Zoé", "Lefèvre");
    for (let i = 0; i < PEOPLE_PAGE_SIZE + 3; i++) await o.addTeammate(`Extra${i}`, "Many");
    expect((await listPeople(o.manager, f({ q: "zoe lefevre" }))).people.map((p) => p.id)).toEqual([zoe.id]);
    expect((await listPeople(o.manager, f({ q: "LEFÈ" }))).total).toBe(1);
    const first = await listPeople(o.manager, f({ q: "many" }));
    expect([first.total, first.pages, first.people.length]).toEqual([PEOPLE_PAGE_SIZE + 3, 2, PEOPLE_PAGE_SIZE]);
    const second = await listPeople(o.manager, f({ q: "many", page: "2" }));
    expect(second.people).toHaveLength(3);
    expect((await listPeople(o.manager, f({ q: "many", page: "9" }))).total).toBe(PEOPLE_PAGE_SIZE + 3); // past the end: the count still holds
  });

  it("managers see teammates; admins everyone, by role and status", async () => {
    const o = await makeOrg();
    expect((await listPeople(o.manager, f())).people.every((p) => p.role === "TEAMMATE")).toBe(true);
    expect((await listPeople(o.admin, f({ role: "MANAGER" }))).total).toBe(2);
    await db.user.update({ where: { id: o.teammate.id }, data: { disabledAt: new Date() } });
    expect((await listPeople(o.admin, f({ status: "disabled" }))).people.map((p) => p.id)).toEqual([o.teammate.id]);
    expect((await listPeople(o.admin, f())).people.some((p) => p.id === o.teammate.id)).toBe(false);
  });
});
