import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/api/errors";
import { cid, makeOrg } from "@/tests/helpers/org";
import { loadSessionUser } from "@/lib/auth/session";
import { verifyPassword } from "@/lib/auth/password";
import { requireInboxThread } from "@/lib/inbox/access";
import { sendInboxMessage } from "@/lib/inbox/send";
import { canSee } from "@/lib/realtime/visibility";
import { viewerFor } from "@/lib/realtime/hub";
import { changeRole, setDisabled, setMessagingAccess } from "./access";
import { invitePerson } from "./invite";
import { requestPasswordReset, setPasswordWithLink } from "./passwords";
import { updateTeammateProfile } from "./profile";
import { profileSchema } from "./schemas";
import { createDepartment } from "@/lib/seed/factories";

const linkIn = async (to: string) => {
  const mail = await db.emailOutbox.findFirstOrThrow({ where: { toEmail: to }, orderBy: { createdAt: "desc" } });
  return /\/(?:welcome|reset-password)\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
};

describe("roles and rights", () => {
  it("every admin action is refused for managers, teammates and other organisations", async () => {
    const o = await makeOrg();
    const other = await makeOrg("Other");
    for (const actor of [o.manager, o.teammate]) {
      await expect(changeRole(actor, o.manager2.id, "ADMIN")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setMessagingAccess(actor, o.manager2.id, false)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setDisabled(actor, o.teammate2.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(
      invitePerson(o.manager, { email: `m-${cid()}@t.test`, firstName: "New", lastName: "Boss", role: "MANAGER", locale: "en" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      invitePerson(o.teammate, { email: `t-${cid()}@t.test`, firstName: "New", lastName: "Mate", role: "TEAMMATE", locale: "en" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeRole(other.admin, o.manager.id, "ADMIN")).rejects.toBeInstanceOf(NotFoundError);
    await expect(setDisabled(other.admin, o.teammate.id, true)).rejects.toBeInstanceOf(NotFoundError);
    const untouched = await db.user.findMany({ where: { organizationId: o.org.id }, select: { role: true, disabledAt: true, messagingAccess: true } });
    expect(untouched.every((u) => u.disabledAt === null && u.messagingAccess)).toBe(true);
    expect(await db.auditEntry.count({ where: { organizationId: o.org.id } })).toBe(0);
  });

  it("nobody can demote or disable the last admin", async () => {
    const o = await makeOrg();
    await expect(changeRole(o.admin, o.admin.id, "MANAGER")).rejects.toBeInstanceOf(UserError);
    await expect(setDisabled(o.admin, o.admin.id, true)).rejects.toBeInstanceOf(UserError);
    await changeRole(o.admin, o.manager.id, "ADMIN");
    await changeRole(o.admin, o.admin.id, "MANAGER"); // another admin remains
    expect((await db.user.findUniqueOrThrow({ where: { id: o.manager.id } })).role).toBe("ADMIN");
    const now = { ...o.manager, role: "ADMIN" as const };
    await expect(setDisabled(now, o.manager.id, true)).rejects.toBeInstanceOf(UserError);
    expect((await db.auditEntry.findMany({ where: { organizationId: o.org.id }, select: { action: true } })).map((a) => a.action)).toEqual([
      "user.role",
      "user.role",
    ]);
  });

  it("disabling someone ends their sessions and streams at once, and keeps their messages", async () => {
    const o = await makeOrg();
    await sendInboxMessage(o.teammate, { conversationId: o.teammate.threadId, body: "Still here", clientId: cid() });
    expect(await loadSessionUser(o.teammate.id, 0)).not.toBeNull();
    await setDisabled(o.admin, o.teammate.id, true);
    expect(await loadSessionUser(o.teammate.id, 0)).toBeNull();
    expect(await loadSessionUser(o.teammate.id, 1)).toBeNull(); // disabled, whatever the version
    const ended = await db.event.findFirst({ where: { organizationId: o.org.id, type: "session.ended", userId: o.teammate.id } });
    expect(ended?.payload).toEqual({ sessionId: null }); // every stream of theirs checks itself and closes
    expect(await db.message.count({ where: { authorId: o.teammate.id } })).toBe(1);
    await setDisabled(o.admin, o.teammate.id, false);
    expect(await loadSessionUser(o.teammate.id, 2)).not.toBeNull(); // a new sign-in (each change ended the sessions of before)
  });

  it("a manager without messaging has no inbox, no notes, and hears none of it; the schedule stays theirs", async () => {
    const o = await makeOrg();
    await expect(setMessagingAccess(o.admin, o.admin.id, false)).rejects.toBeInstanceOf(UserError); // admins always have it
    await setMessagingAccess(o.admin, o.manager.id, false);
    const fresh = (await loadSessionUser(o.manager.id, 1))!;
    expect(fresh.messagingAccess).toBe(false);
    await expect(requireInboxThread(fresh, o.teammate.threadId)).rejects.toBeInstanceOf(ForbiddenError);
    const viewer = await viewerFor({ id: fresh.id, organizationId: fresh.organizationId, isStaff: true, messaging: false });
    const ev = (type: string, audience: "STAFF" | "MEMBERS") => ({
      id: 1,
      organizationId: o.org.id,
      type,
      audience,
      conversationId: o.teammate.threadId,
      userId: null,
      payload: "{}",
    });
    expect(canSee(ev("note.created", "STAFF"), viewer)).toBe(false);
    expect(canSee(ev("message.created", "MEMBERS"), viewer)).toBe(false);
    expect(canSee(ev("schedule.changed", "STAFF"), viewer)).toBe(true);
  });
});

describe("invitations and passwords", () => {
  it("an invitation's link sets a password once, and expires", async () => {
    const o = await makeOrg();
    const email = `new-${cid()}@t.test`;
    const { userId } = await invitePerson(o.admin, { email, firstName: "Nora", lastName: "New", role: "MANAGER", locale: "fr" });
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toEmail: email } });
    expect(mail.subject).toContain("Org"); // in French, naming the organisation
    expect(mail.text).toMatch(/Bonjour Nora/);
    const token = await linkIn(email);
    expect(await db.userToken.count({ where: { tokenHash: token } })).toBe(0); // only its hash is kept
    const signed = await setPasswordWithLink(token, "invite", "a long new password");
    expect(signed.id).toBe(userId);
    expect(await verifyPassword("a long new password", (await db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash)).toBe(true);
    await expect(setPasswordWithLink(token, "invite", "another password!")).rejects.toBeInstanceOf(UserError);

    await requestPasswordReset(email);
    const reset = await linkIn(email);
    await db.userToken.updateMany({ where: { userId, purpose: "reset" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(setPasswordWithLink(reset, "reset", "too late anyway")).rejects.toBeInstanceOf(UserError);
    // An invitation's link is not a reset's.
    await requestPasswordReset(email);
    await expect(setPasswordWithLink(await linkIn(email), "invite", "wrong kind of link")).rejects.toBeInstanceOf(UserError);
  });

  it("a reset for an unknown address sends nothing, and says the same", async () => {
    const before = await db.emailOutbox.count();
    await requestPasswordReset(`nobody-${cid()}@t.test`);
    expect(await db.emailOutbox.count()).toBe(before);
  });

  it("an address already in use is refused with a clear reason", async () => {
    const o = await makeOrg();
    await expect(
      invitePerson(o.admin, { email: o.teammate.email, firstName: "Dup", lastName: "Licate", role: "TEAMMATE", locale: "en" }),
    ).rejects.toMatchObject({
      text: { key: "errors.person.emailTaken" },
    });
  });
});

describe("teammate profiles", () => {
  const form = (userId: string, more: Record<string, unknown> = {}) =>
    profileSchema.parse({ userId, firstName: "Tess", lastName: "One", phone: "", locale: "en", ...more });

  it("staff edit a teammate; what it names must be this organisation's, or nothing is written", async () => {
    const o = await makeOrg();
    const other = await makeOrg("Other");
    const night = await db.employeeGroup.findFirstOrThrow({ where: { departmentId: o.dept.id, name: "Night" } });
    const kitchen = await createDepartment(db, o.org.id, "Kitchen", ["Cooks"]);
    await updateTeammateProfile(
      o.manager,
      form(o.teammate.id, {
        firstName: "Tessa",
        phone: "+33 6 12 34 56 78",
        smsConsent: "on",
        city: "Lyon",
        departmentId: o.dept.id,
        groupIds: night.id,
        active: "on",
      }),
    );
    const saved = await db.user.findUniqueOrThrow({ where: { id: o.teammate.id }, include: { profile: { include: { groups: true } } } });
    expect(saved).toMatchObject({
      firstName: "Tessa",
      phone: "+33612345678",
      profile: { city: "Lyon", smsConsent: true, active: true, groups: [{ name: "Night" }] },
    });
    expect(saved.profile?.smsConsentAt).not.toBeNull();
    expect((await db.auditEntry.findMany({ where: { targetId: o.teammate.id }, select: { action: true } })).map((a) => a.action)).toEqual([
      "teammate.profile",
      "sms.consent.given",
    ]);
    // A group of another department, a department of another organisation: refused whole.
    const cooks = kitchen.groups[0]!.id;
    await expect(updateTeammateProfile(o.manager, form(o.teammate.id, { firstName: "Nope", departmentId: o.dept.id, groupIds: cooks }))).rejects.toBeInstanceOf(
      UserError,
    );
    await expect(updateTeammateProfile(o.manager, form(o.teammate.id, { firstName: "Nope", departmentId: other.dept.id }))).rejects.toBeInstanceOf(UserError);
    await expect(updateTeammateProfile(other.admin, form(o.teammate.id, { firstName: "Nope" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateTeammateProfile(o.teammate2, form(o.teammate.id, { firstName: "Nope" }))).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.user.findUniqueOrThrow({ where: { id: o.teammate.id } })).firstName).toBe("Tessa");
  });

  it("a mobile number must be E.164, with a clear message", () => {
    const bad = profileSchema.safeParse({ userId: "u", firstName: "T", lastName: "O", phone: "06 12 34 56 78", locale: "en" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["phone"], message: "errors.person.phoneInvalid" });
  });
});

describe("structure", () => {
  it("admins create, rename and archive; names are unique; nothing is deleted; others are refused", async () => {
    const { createItem, renameItem, archiveItem, listStructure } = await import("./structure");
    const o = await makeOrg();
    const other = await makeOrg("Other");
    const { id } = await createItem(o.admin, "skill", "First aid");
    await expect(createItem(o.admin, "skill", "First aid")).rejects.toMatchObject({ text: { key: "errors.structure.nameTaken" } });
    await renameItem(o.admin, "skill", id, "First aid (level 2)");
    await archiveItem(o.admin, "skill", id, true);
    expect((await listStructure(o.admin)).skills).toMatchObject([{ name: "First aid (level 2)", archivedAt: expect.any(Date) }]);
    const group = await createItem(o.admin, "group", "Weekend", o.dept.id);
    await expect(createItem(o.admin, "group", "Elsewhere", other.dept.id)).rejects.toBeInstanceOf(UserError);
    for (const actor of [o.manager, o.teammate]) await expect(createItem(actor, "tag", "Nope")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(archiveItem(other.admin, "group", group.id, true)).rejects.toBeInstanceOf(NotFoundError);
    // An archived department is no longer offered, and the people in it keep it.
    await archiveItem(o.admin, "department", o.dept.id, true);
    const { listDepartments } = await import("@/lib/org/queries");
    expect(await listDepartments(o.admin)).toEqual([]);
    expect((await db.teammateProfile.findUniqueOrThrow({ where: { userId: o.teammate.id } })).departmentId).toBe(o.dept.id);
    expect(await db.auditEntry.count({ where: { organizationId: o.org.id, action: { startsWith: "structure." } } })).toBe(5);
  });
});

describe("audit history", () => {
  it("is the admins', filtered by kind of change and person, with names", async () => {
    const { listAudit } = await import("./audit");
    const o = await makeOrg();
    await setMessagingAccess(o.admin, o.manager.id, false);
    await changeRole(o.admin, o.manager2.id, "ADMIN");
    await updateTeammateProfile(
      o.manager2,
      profileSchema.parse({ userId: o.teammate.id, firstName: "Tess", lastName: "One", phone: "", locale: "en", smsConsent: "on" }),
    );
    const all = await listAudit(o.admin, { page: 1 }, "Europe/Paris");
    expect(all.total).toBe(4);
    const access = await listAudit(o.admin, { category: "access", page: 1 }, "Europe/Paris");
    expect(access.rows.map((r) => [r.action, r.actor, r.target])).toEqual([
      ["user.role", "Ada Admin", "Mia Manager"],
      ["user.messaging.off", "Ada Admin", "Max Manager"],
    ]);
    expect((await listAudit(o.admin, { category: "consent", page: 1 }, "Europe/Paris")).rows.map((r) => r.target)).toEqual(["Tess One"]);
    expect((await listAudit(o.admin, { actor: o.manager2.id, page: 1 }, "Europe/Paris")).total).toBe(2);
    expect((await listAudit(o.admin, { from: "2999-01-01", page: 1 }, "Europe/Paris")).total).toBe(0);
    await expect(listAudit(o.manager, { page: 1 }, "Europe/Paris")).rejects.toBeInstanceOf(ForbiddenError);
    const other = await makeOrg("Other");
    expect((await listAudit(other.admin, { page: 1 }, "Europe/Paris")).total).toBe(0);
  });
});
