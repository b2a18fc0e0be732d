import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createShift, createTeammate } from "@/lib/seed/factories";
import { ForbiddenError } from "@/lib/errors";
import { cid, makeOrg } from "@/tests/helpers/org";
import { listInboxContacts } from "./contacts";
import { contactFiltersSchema } from "./schemas";
import { filtersQuery } from "./filters-url";
import { sendInboxMessage } from "./send";
import { setProcessed } from "./processed";

async function world() {
  const o = await makeOrg();
  const orgId = o.org.id;
  const nursing = await db.skill.create({ data: { organizationId: orgId, name: "Nursing" } });
  const senior = await db.tag.create({ data: { organizationId: orgId, name: "Senior" } });
  const other = await db.department.create({ data: { organizationId: orgId, name: "Kitchen" } });
  const activity = await db.activity.create({ data: { organizationId: orgId, name: "Night watch" } });
  const ana = await createTeammate(db, {
    organizationId: orgId,
    firstName: "Ana",
    lastName: "Zola",
    email: `ana-${cid()}@t.test`,
    passwordHash: "x",
    departmentId: other.id,
    skillIds: [nursing.id],
    tagIds: [senior.id],
    city: "Lyon",
    postcode: "69003",
  });
  const bob = await createTeammate(db, {
    organizationId: orgId,
    firstName: "Bob",
    lastName: "Abel",
    email: `bob-${cid()}@t.test`,
    passwordHash: "x",
    waitingList: true,
    city: "Vénissieux",
    postcode: "69200",
  });
  await createShift(db, {
    organizationId: orgId,
    activityId: activity.id,
    departmentId: other.id,
    startsAt: new Date(),
    endsAt: new Date(Date.now() + 3600e3),
    place: "A",
    assignees: [ana.id],
  });
  const ana$ = { ...o.teammate, id: ana.id, firstName: "Ana", lastName: "Zola", email: ana.email };
  const bob$ = { ...o.teammate, id: bob.id, firstName: "Bob", lastName: "Abel", email: bob.email };
  // Message order: Tess (teammate) first, then Ana, then a staff message to Bob last.
  // Apart by a few milliseconds, as real messages are, so the order is defined.
  const tick = () => new Promise((r) => setTimeout(r, 5));
  await sendInboxMessage(o.teammate, { conversationId: o.teammate.threadId, body: "t", clientId: cid() });
  await tick();
  await sendInboxMessage(ana$, { conversationId: ana.threadId, body: "a", clientId: cid() });
  await tick();
  await sendInboxMessage(o.manager, { conversationId: bob.threadId, body: "b", clientId: cid() });
  await setProcessed(o.manager, o.teammate.threadId, true);
  return {
    ...o,
    ana: { ...ana$, threadId: ana.threadId },
    bob: { ...bob$, threadId: bob.threadId },
    nursing,
    senior,
    other,
    activity,
  };
}

const names = (r: Awaited<ReturnType<typeof listInboxContacts>>) => r.contacts.map((c) => c.firstName);

describe("contact list sort and filters", () => {
  it("sorts by latest message, last received, last name and unprocessed first", async () => {
    const w = await world();
    expect(names(await listInboxContacts(w.manager, { sort: "latest" }))).toEqual(["Bob", "Ana", "Tess", "Theo"]);
    expect(names(await listInboxContacts(w.manager, { sort: "received" }))).toEqual(["Ana", "Tess", "Bob", "Theo"]);
    expect(names(await listInboxContacts(w.manager, { sort: "name" }))).toEqual(["Bob", "Tess", "Theo", "Ana"]);
    expect(names(await listInboxContacts(w.manager, { sort: "unprocessed" }))).toEqual(["Bob", "Ana", "Tess", "Theo"]);
  });

  it("filters by skill, tag, department, activity, address, waiting list, processed, unread and name", async () => {
    const w = await world();
    const only = async (f: object) => names(await listInboxContacts(w.manager, f));
    expect(await only({ skill: w.nursing.id })).toEqual(["Ana"]);
    expect(await only({ tag: w.senior.id })).toEqual(["Ana"]);
    expect(await only({ department: w.other.id })).toEqual(["Ana"]);
    expect(await only({ activity: w.activity.id })).toEqual(["Ana"]);
    expect(await only({ city: "lyon" })).toEqual(["Ana"]);
    expect(await only({ postcode: "692" })).toEqual(["Bob"]);
    // Partly typed, in any case, with or without accents, on both databases.
    expect(await only({ city: "venis" })).toEqual(["Bob"]);
    expect(await only({ city: "VÉNISSIEUX" })).toEqual(["Bob"]);
    expect(await only({ city: "yo" })).toEqual(["Ana"]);
    expect(await only({ postcode: "9200" })).toEqual(["Bob"]);
    expect(await only({ postcode: "69 200" })).toEqual(["Bob"]);
    expect(await only({ q: "zolà" })).toEqual(["Ana"]);
    expect(await only({ waiting: true })).toEqual(["Bob"]);
    expect(await only({ processed: "yes" })).toEqual(["Tess"]);
    expect(await only({ processed: "no" })).toEqual(["Bob", "Ana"]);
    expect(await only({ unread: true })).toEqual(["Ana", "Tess"]);
    expect(await only({ q: "abel" })).toEqual(["Bob"]);
    expect(await only({ q: "Bob Ab" })).toEqual(["Bob"]);
    expect(await only({ q: "%" })).toEqual([]);
  });

  it("pages through the list", async () => {
    const w = await world();
    const p1 = await listInboxContacts(w.manager, { sort: "name" }, 3);
    const p2 = await listInboxContacts(w.manager, { sort: "name", page: 2 }, 3);
    expect([p1.total, p1.pages, p2.page]).toEqual([4, 2, 2]);
    expect([...names(p1), ...names(p2)]).toEqual(["Bob", "Tess", "Theo", "Ana"]);
    // A page past the end (an old link, a list that got shorter) shows the last one.
    const past = await listInboxContacts(w.manager, { sort: "name", page: 9 }, 3);
    expect([past.page, past.pages, names(past)]).toEqual([2, 2, ["Ana"]]);
  });

  it("is for staff only and never shows another organisation", async () => {
    const a = await world();
    const b = await makeOrg("B");
    await expect(listInboxContacts(a.teammate)).rejects.toBeInstanceOf(ForbiddenError);
    expect(names(await listInboxContacts(b.manager))).toEqual(["Tess", "Theo"]);
    expect(await listInboxContacts(b.manager, { skill: a.nursing.id })).toMatchObject({ total: 0 });
  });
});

describe("filters in the URL", () => {
  it("parses, ignores malformed values and writes back a short query string", () => {
    const f = contactFiltersSchema.parse({
      sort: "bogus",
      waiting: "1",
      unread: "yes",
      page: "-3",
      q: "  lena ",
      skill: "a'b",
    });
    expect(f).toMatchObject({ sort: "latest", waiting: true, unread: false, page: 1, q: "lena", skill: undefined });
    expect(filtersQuery(f)).toBe("?q=lena&waiting=1");
    expect(filtersQuery(f, { page: 2 })).toBe("?q=lena&waiting=1&page=2");
  });
});
