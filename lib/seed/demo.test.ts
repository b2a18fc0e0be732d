import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { seedDemo } from "./demo";

describe("demo seed", () => {
  it("builds the demo organisation the README describes", async () => {
    await seedDemo(db, { passwordHash: await hashPassword("x", { N: 1024, r: 8, p: 1 }), now: new Date("2026-11-18T10:00:00Z") });
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
    const shifts = await db.shift.findMany({ where, select: { startsAt: true, _count: { select: { assignments: true } } }, orderBy: { startsAt: "asc" } });
    expect(shifts).toHaveLength(56);
    expect(shifts[0]!.startsAt.toISOString()).toBe("2026-11-16T06:00:00.000Z");
    expect(shifts.every((s) => s._count.assignments === 3)).toBe(true);
    const threads = await db.conversation.count({ where: { ...where, kind: "INBOX", lastSeq: { gt: 0 } } });
    expect(threads).toBe(12);
    expect(await db.conversation.count({ where: { ...where, kind: "INBOX" } })).toBe(66);
  });
});
