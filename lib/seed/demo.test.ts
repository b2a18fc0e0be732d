import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { seedDemo } from "./demo";

describe("demo seed", () => {
  it("builds the demo organisation the README describes", async () => {
    await seedDemo(db, {
      passwordHash: await hashPassword("x", { N: 1024, r: 8, p: 1 }),
      now: new Date("2026-11-18T10:00:00Z"),
    });
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "northwind" }, select: { id: true } });
    const where = { organizationId: org.id };
    expect(await db.user.count({ where: { ...where, role: "ADMIN" } })).toBe(1);
    expect(await db.user.count({ where: { ...where, role: "MANAGER" } })).toBe(3);
    expect(await db.department.count({ where })).toBe(2);
    expect(await db.employeeGroup.count({ where })).toBe(4);
    expect(await db.teammateProfile.count({ where: { ...where, waitingList: false } })).toBe(60);
    expect(await db.teammateProfile.count({ where: { ...where, waitingList: true } })).toBe(6);
    expect(await db.user.count({ where: { ...where, role: "TEAMMATE", phone: null } })).toBeGreaterThan(0);
    expect(await db.teammateProfile.count({ where: { ...where, smsConsent: false } })).toBeGreaterThan(0);
    const shifts = await db.shift.findMany({
      where,
      select: { startsAt: true, _count: { select: { assignments: true } } },
      orderBy: { startsAt: "asc" },
    });
    expect(shifts).toHaveLength(56);
    expect(shifts[0]!.startsAt.toISOString()).toBe("2026-11-16T06:00:00.000Z");
    expect(shifts.every((s) => s._count.assignments === 3)).toBe(true);
    const threads = await db.conversation.count({ where: { ...where, kind: "INBOX", lastSeq: { gt: 0 } } });
    expect(threads).toBe(12);
    expect(await db.conversation.count({ where: { ...where, kind: "INBOX" } })).toBe(66);
    // Chat is on, with the care department's public conversation and a private group.
    expect(await db.conversation.count({ where: { ...where, kind: { in: ["CHANNEL", "GROUP"] } } })).toBe(2);

    // English, with a third of the teammates and Marc in French, whose threads are in French.
    expect(
      (await db.department.findMany({ where, select: { name: true }, orderBy: { name: "asc" } })).map((d) => d.name),
    ).toEqual(["Hospitality", "Residential care"]);
    expect(
      await db.user.findUniqueOrThrow({ where: { email: "marc@northwind.test" }, select: { locale: true } }),
    ).toEqual({ locale: "fr" });
    expect(
      await db.user.findUniqueOrThrow({ where: { email: "hugo.lefebvre@northwind.test" }, select: { locale: true } }),
    ).toEqual({ locale: "fr" });
    expect(await db.user.count({ where: { ...where, role: "TEAMMATE", locale: "fr" } })).toBe(22);
    const firstLines = await db.message.findMany({
      where: { ...where, seq: 1, conversation: { kind: "INBOX" } },
      select: { body: true, conversation: { select: { teammate: { select: { locale: true } } } } },
    });
    expect(firstLines).toHaveLength(12);
    for (const m of firstLines)
      expect(/[àéè]|Est-ce|Où|Bonjour|Le code|Y a-t-il/.test(m.body)).toBe(m.conversation.teammate?.locale === "fr");
  });

  it("seeds the same organisation in French", async () => {
    await db.organization.deleteMany({ where: { slug: "northwind" } }); // the English one of the test before, if any
    await seedDemo(db, { passwordHash: "x", now: new Date("2026-11-18T10:00:00Z"), locale: "fr" });
    const where = { organization: { slug: "northwind" } };
    expect(
      (await db.department.findMany({ where, select: { name: true }, orderBy: { name: "asc" } })).map((d) => d.name),
    ).toEqual(["Hôtellerie", "Soins en résidence"]);
    expect(
      (await db.activity.findMany({ where, select: { name: true }, orderBy: { name: "asc" } })).map((a) => a.name),
    ).toContain("Soins du matin");
    expect(
      await db.user.findUniqueOrThrow({ where: { email: "maya@northwind.test" }, select: { locale: true } }),
    ).toEqual({ locale: "fr" });
    expect(
      await db.user.findUniqueOrThrow({ where: { email: "marc@northwind.test" }, select: { locale: true } }),
    ).toEqual({ locale: "en" });
  });
});
