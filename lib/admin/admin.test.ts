import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import { cid, makeOrg, TEST_PASSWORD } from "@/tests/helpers/org";
import { fakeResend } from "@/tests/helpers/fake-services";
import { loadSessionUser } from "@/lib/auth/session";
import { verifyPassword } from "@/lib/auth/password";
import { requireInboxThread } from "@/lib/inbox/access";
import { sendInboxMessage } from "@/lib/inbox/send";
import { canSee } from "@/lib/realtime/visibility";
import { viewerFor } from "@/lib/realtime/hub";
import { changeRole, setDisabled, setMessagingAccess } from "./access";
import { invitePerson } from "./invite";
import {
  changeOwnPassword,
  RESET_LIMITS,
  requestPasswordReset,
  sendPasswordLink,
  setPasswordWithLink,
} from "./passwords";
import { LINK_MARK, openSecret } from "@/lib/email/secrets";
import { listOutbox } from "@/lib/email/queries";
import { authSecret } from "@/lib/auth/secret";
import { runDueJobs } from "@/lib/worker";
import { AUDIT_SELECT, auditRows } from "./audit";
import { updateTeammateProfile } from "./profile";
import { profileSchema } from "./schemas";
import { createDepartment } from "@/lib/seed/factories";

/** The token of the newest password link e-mailed to `to`, as only the e-mail itself carries it (sealed in the outbox). */
const linkIn = async (to: string) => {
  const mail = await db.emailOutbox.findFirstOrThrow({
    where: { toEmail: to, secret: { not: null } },
    orderBy: { createdAt: "desc" },
  });
  expect(mail.text).toContain(LINK_MARK);
  return /\/(?:welcome|reset-password)\/([A-Za-z0-9_-]+)/.exec(openSecret(mail.secret!, authSecret())!)![1]!;
};
/** "Forgot your password?", and the job that follows it. */
const askReset = async (email: string, ip = "10.9.0.1") => {
  await requestPasswordReset(email, ip);
  await runDueJobs();
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
      invitePerson(o.manager, {
        email: `m-${cid()}@t.test`,
        firstName: "New",
        lastName: "Boss",
        role: "MANAGER",
        locale: "en",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      invitePerson(o.teammate, {
        email: `t-${cid()}@t.test`,
        firstName: "New",
        lastName: "Mate",
        role: "TEAMMATE",
        locale: "en",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeRole(other.admin, o.manager.id, "ADMIN")).rejects.toBeInstanceOf(NotFoundError);
    await expect(setDisabled(other.admin, o.teammate.id, true)).rejects.toBeInstanceOf(NotFoundError);
    const untouched = await db.user.findMany({
      where: { organizationId: o.org.id },
      select: { role: true, disabledAt: true, messagingAccess: true },
    });
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
    const entries = await db.auditEntry.findMany({
      where: { organizationId: o.org.id },
      select: { action: true, data: true },
    });
    // The data is JSON, read back as an object on both databases.
    expect(entries).toHaveLength(2);
    expect(entries).toEqual(
      expect.arrayContaining([
        { action: "user.role", data: { from: "MANAGER", to: "ADMIN" } },
        { action: "user.role", data: { from: "ADMIN", to: "MANAGER" } },
      ]),
    );
  });

  it("disabling someone ends their sessions and streams at once, and keeps their messages", async () => {
    const o = await makeOrg();
    await sendInboxMessage(o.teammate, { conversationId: o.teammate.threadId, body: "Still here", clientId: cid() });
    expect(await loadSessionUser(o.teammate.id, 0)).not.toBeNull();
    await setDisabled(o.admin, o.teammate.id, true);
    expect(await loadSessionUser(o.teammate.id, 0)).toBeNull();
    expect(await loadSessionUser(o.teammate.id, 1)).toBeNull(); // disabled, whatever the version
    const ended = await db.event.findFirst({
      where: { organizationId: o.org.id, type: "session.ended", userId: o.teammate.id },
    });
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
    const viewer = await viewerFor({
      id: fresh.id,
      organizationId: fresh.organizationId,
      isStaff: true,
      messaging: false,
    });
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
    const { userId } = await invitePerson(o.admin, {
      email,
      firstName: "Nora",
      lastName: "New",
      role: "MANAGER",
      locale: "fr",
    });
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toEmail: email } });
    expect(mail.subject).toContain("Org"); // in French, naming the organisation
    expect(mail.text).toMatch(/Bonjour Nora/);
    const token = await linkIn(email);
    expect(await db.userToken.count({ where: { tokenHash: token } })).toBe(0); // only its hash is kept
    const signed = await setPasswordWithLink(token, "invite", "a long new password");
    expect(signed.id).toBe(userId);
    expect(
      await verifyPassword(
        "a long new password",
        (await db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash,
      ),
    ).toBe(true);
    await expect(setPasswordWithLink(token, "invite", "another password!")).rejects.toBeInstanceOf(UserError);

    await askReset(email);
    const reset = await linkIn(email);
    await db.userToken.updateMany({
      where: { userId, purpose: "reset" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(setPasswordWithLink(reset, "reset", "too late anyway")).rejects.toBeInstanceOf(UserError);
    // An invitation's link is not a reset's.
    await askReset(email);
    await expect(setPasswordWithLink(await linkIn(email), "invite", "wrong kind of link")).rejects.toBeInstanceOf(
      UserError,
    );
  });

  it("a reset for an unknown address sends nothing, after the same work as for an account", async () => {
    const o = await makeOrg();
    const before = await db.emailOutbox.count();
    const jobs = await db.job.count({ where: { kind: "password.resetRequest" } });
    await requestPasswordReset(`nobody-${cid()}@t.test`, "10.9.1.1");
    await requestPasswordReset(o.teammate.email, "10.9.1.1");
    // Each request wrote the same: a request and its job, nothing about the account.
    expect(await db.job.count({ where: { kind: "password.resetRequest" } })).toBe(jobs + 2);
    await runDueJobs();
    expect(await db.emailOutbox.count()).toBe(before + 1); // positive control: the account's e-mail
    expect(await db.emailOutbox.count({ where: { toEmail: o.teammate.email } })).toBe(1);
  });

  it("the outbox never shows a link that sets a password, to an admin or anyone; only the sent e-mail carries it", async () => {
    const o = await makeOrg();
    const resend = await fakeResend();
    try {
      const email = `new-${cid()}@t.test`;
      await invitePerson(o.admin, { email, firstName: "Nora", lastName: "New", role: "MANAGER", locale: "en" });
      const token = await linkIn(email);
      const stored = await db.emailOutbox.findFirstOrThrow({ where: { toEmail: email } });
      expect(JSON.stringify(stored)).not.toContain(token);
      const seen = await listOutbox(o.admin, "[hidden]");
      const shown = seen.find((m) => m.toEmail === email)!;
      expect(shown.text).toContain("[hidden]"); // positive control: the admin sees the e-mail
      expect(JSON.stringify(seen)).not.toContain(token);
      // With an e-mail provider, the link goes out in the e-mail, then leaves the database.
      process.env.RESEND_API_KEY = "re_test";
      process.env.RESEND_BASE_URL = resend.url;
      await sendPasswordLink(o.teammate.id, "reset", { name: "Ada Admin", id: o.admin.id });
      await runDueJobs();
      const sent = resend.sent.at(-1) as { to: string; text: string };
      const link = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(sent.text)![1]!;
      expect(sent.to).toBe(o.teammate.email);
      const row = await db.emailOutbox.findFirstOrThrow({
        where: { toEmail: o.teammate.email },
        orderBy: { createdAt: "desc" },
      });
      expect(row).toMatchObject({ status: "SENT", secret: null });
      expect(JSON.stringify(await listOutbox(o.admin, "[hidden]"))).not.toContain(link);
      // The admin started it and is in the history; the link works for its owner.
      const history = await auditRows(
        o.org.id,
        await db.auditEntry.findMany({ where: { targetId: o.teammate.id }, select: AUDIT_SELECT }),
        new Map(),
      );
      expect(history.map((h) => [h.action, h.actor])).toContainEqual(["user.password.resetSent", "Ada Admin"]);
      await setPasswordWithLink(link, "reset", "a brand new password");
      expect(await db.auditEntry.count({ where: { targetId: o.teammate.id, action: "user.password.reset" } })).toBe(1);
      // The owner is told, by e-mail, that the password changed.
      await runDueJobs();
      expect(resend.sent.at(-1)).toMatchObject({
        to: o.teammate.email,
        subject: "Your Shiftline password was changed",
      });
    } finally {
      delete process.env.RESEND_API_KEY;
      delete process.env.RESEND_BASE_URL;
      await resend.close();
    }
  });

  it("reset e-mails are limited per account and per caller; an earlier link keeps working", async () => {
    const o = await makeOrg();
    for (let i = 0; i < RESET_LIMITS.perAccount + 5; i++) await askReset(o.teammate.email, `10.7.${i}.1`);
    expect(await db.emailOutbox.count({ where: { toEmail: o.teammate.email } })).toBe(RESET_LIMITS.perAccount);
    const mails = await db.emailOutbox.findMany({
      where: { toEmail: o.teammate.email },
      orderBy: { createdAt: "asc" },
    });
    const first = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(openSecret(mails[0]!.secret!, authSecret())!)![1]!;
    await setPasswordWithLink(first, "reset", "the first link still works"); // not cancelled by the later ones
    expect(
      await db.auditEntry.count({ where: { targetId: o.teammate.id, action: "user.password.resetRequested" } }),
    ).toBe(RESET_LIMITS.perAccount);

    // One caller asking for many addresses is stopped too.
    const people = await Promise.all(
      Array.from({ length: RESET_LIMITS.perAddress + 3 }, (_, i) => makeOrg(`Caller ${i}`)),
    );
    for (const p of people) await askReset(p.manager.email, "10.8.8.8");
    expect(await db.emailOutbox.count({ where: { toEmail: { in: people.map((p) => p.manager.email) } } })).toBe(
      RESET_LIMITS.perAddress,
    );
  });

  it("changing one's password is audited and said by e-mail to the account's owner", async () => {
    const o = await makeOrg();
    await changeOwnPassword(o.manager, TEST_PASSWORD, "another long password");
    expect(
      await db.auditEntry.count({
        where: { targetId: o.manager.id, action: "user.password.changed", actorId: o.manager.id },
      }),
    ).toBe(1);
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toEmail: o.manager.email } });
    expect(mail).toMatchObject({ subject: "Your Shiftline password was changed", secret: null });
    expect(mail.text).toMatch(/\/reset-password\)/);
  });

  it("an address already in use is refused with a clear reason", async () => {
    const o = await makeOrg();
    await expect(
      invitePerson(o.admin, {
        email: o.teammate.email,
        firstName: "Dup",
        lastName: "Licate",
        role: "TEAMMATE",
        locale: "en",
      }),
    ).rejects.toMatchObject({
      text: { key: "errors.person.emailTaken" },
    });
    // Someone of another organisation: refused without saying that an account exists there.
    const other = await makeOrg("Elsewhere");
    const refusal = await invitePerson(o.admin, {
      email: other.teammate.email,
      firstName: "Dup",
      lastName: "Licate",
      role: "TEAMMATE",
      locale: "en",
    }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ text: { key: "errors.person.emailUnavailable" } });
    expect((refusal as Error).message).not.toMatch(/account|organisation/i);
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
    const saved = await db.user.findUniqueOrThrow({
      where: { id: o.teammate.id },
      include: { profile: { include: { groups: true } } },
    });
    expect(saved).toMatchObject({
      firstName: "Tessa",
      phone: "+33612345678",
      profile: { city: "Lyon", smsConsent: true, active: true, groups: [{ name: "Night" }] },
    });
    expect(saved.profile?.smsConsentAt).not.toBeNull();
    expect(
      (await db.auditEntry.findMany({ where: { targetId: o.teammate.id }, select: { action: true } })).map(
        (a) => a.action,
      ),
    ).toEqual(["teammate.profile", "sms.consent.given"]);
    // A group of another department, a department of another organisation: refused whole.
    const cooks = kitchen.groups[0]!.id;
    await expect(
      updateTeammateProfile(
        o.manager,
        form(o.teammate.id, { firstName: "Nope", departmentId: o.dept.id, groupIds: cooks }),
      ),
    ).rejects.toBeInstanceOf(UserError);
    await expect(
      updateTeammateProfile(o.manager, form(o.teammate.id, { firstName: "Nope", departmentId: other.dept.id })),
    ).rejects.toBeInstanceOf(UserError);
    await expect(updateTeammateProfile(other.admin, form(o.teammate.id, { firstName: "Nope" }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(updateTeammateProfile(o.teammate2, form(o.teammate.id, { firstName: "Nope" }))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: o.teammate.id } })).firstName).toBe("Tessa");
  });

  it("a mobile number must be E.164, with a clear message", () => {
    const bad = profileSchema.safeParse({
      userId: "u",
      firstName: "T",
      lastName: "O",
      phone: "06 12 34 56 78",
      locale: "en",
    });
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
    await expect(createItem(o.admin, "skill", "First aid")).rejects.toMatchObject({
      text: { key: "errors.structure.nameTaken" },
    });
    await renameItem(o.admin, "skill", id, "First aid (level 2)");
    await archiveItem(o.admin, "skill", id, true);
    expect((await listStructure(o.admin)).skills).toMatchObject([
      { name: "First aid (level 2)", archivedAt: expect.any(Date) },
    ]);
    const group = await createItem(o.admin, "group", "Weekend", o.dept.id);
    await expect(createItem(o.admin, "group", "Elsewhere", other.dept.id)).rejects.toBeInstanceOf(UserError);
    for (const actor of [o.manager, o.teammate])
      await expect(createItem(actor, "tag", "Nope")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(archiveItem(other.admin, "group", group.id, true)).rejects.toBeInstanceOf(NotFoundError);
    // An archived department is no longer offered, and the people in it keep it.
    await archiveItem(o.admin, "department", o.dept.id, true);
    const { listDepartments } = await import("@/lib/org/queries");
    expect(await listDepartments(o.admin)).toEqual([]);
    expect((await db.teammateProfile.findUniqueOrThrow({ where: { userId: o.teammate.id } })).departmentId).toBe(
      o.dept.id,
    );
    expect(
      await db.auditEntry.count({ where: { organizationId: o.org.id, action: { startsWith: "structure." } } }),
    ).toBe(5);
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
      profileSchema.parse({
        userId: o.teammate.id,
        firstName: "Tess",
        lastName: "One",
        phone: "",
        locale: "en",
        smsConsent: "on",
      }),
    );
    const all = await listAudit(o.admin, { page: 1 }, "Europe/Paris");
    expect(all.total).toBe(4);
    const access = await listAudit(o.admin, { category: "access", page: 1 }, "Europe/Paris");
    expect(access.rows.map((r) => [r.action, r.actor, r.target])).toEqual([
      ["user.role", "Ada Admin", "Mia Manager"],
      ["user.messaging.off", "Ada Admin", "Max Manager"],
    ]);
    expect(
      (await listAudit(o.admin, { category: "consent", page: 1 }, "Europe/Paris")).rows.map((r) => r.target),
    ).toEqual(["Tess One"]);
    expect((await listAudit(o.admin, { actor: o.manager2.id, page: 1 }, "Europe/Paris")).total).toBe(2);
    expect((await listAudit(o.admin, { from: "2999-01-01", page: 1 }, "Europe/Paris")).total).toBe(0);
    await expect(listAudit(o.manager, { page: 1 }, "Europe/Paris")).rejects.toBeInstanceOf(ForbiddenError);
    const other = await makeOrg("Other");
    expect((await listAudit(other.admin, { page: 1 }, "Europe/Paris")).total).toBe(0);
  });
});
