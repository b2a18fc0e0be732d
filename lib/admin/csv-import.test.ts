import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, UserError } from "@/lib/errors";
import { makeOrg } from "@/tests/helpers/org";
import { csvLine } from "@/lib/exports/csv";
import { parseCsv } from "./csv-parse";
import { planImport, runImport, sendImportInvitations, INVITE_JOB } from "./csv-import";

const header = "email,first_name,last_name,mobile,sms_consent,city,department,groups,skills";

describe("CSV import", () => {
  it("reads quotes, semicolons and a byte-order mark", () => {
    expect(parseCsv('\uFEFFa;b\r\n"x; ""y""";z\n\n')).toEqual([
      ["a", "b"],
      ['x; "y"', "z"],
    ]);
  });

  it("previews each row's problems, and refuses the whole file while one row is wrong", async () => {
    const o = await makeOrg();
    const csv = [
      header,
      `ana@${o.tag}.test,Ana,Roy,+33611111111,yes,Lyon,Care,Night,`,
      `bad-address,Bo,Lee,0612,maybe,Lyon,Kitchen,,Forklift`,
      `ana@${o.tag}.test,Ana,Again,,,,,,`,
    ].join("\n");
    const plan = await planImport(o.manager, csv);
    expect(plan.valid).toBe(false);
    expect(plan.rows.map((r) => [r.line, r.problems.map((p) => p.key)])).toEqual([
      [2, []],
      [
        3,
        [
          "errors.import.email",
          "errors.person.phoneInvalid",
          "errors.import.unknown",
          "errors.import.yesNo",
          "errors.import.unknown",
        ],
      ],
      [4, ["errors.import.emailTwice"]],
    ]);
    // An address of this organisation is said taken; one of another organisation only "cannot be used here".
    const elsewhere = await makeOrg("Elsewhere");
    const mixed = [header, `${o.teammate.email},Tess,One,,,,,,`, `${elsewhere.teammate.email},Tess,Other,,,,,,`].join(
      "\n",
    );
    expect((await planImport(o.manager, mixed)).rows.map((r) => r.problems.map((p) => p.key))).toEqual([
      ["errors.person.emailTaken"],
      ["errors.person.emailUnavailable"],
    ]);
    const before = await db.user.count({ where: { organizationId: o.org.id } });
    await expect(runImport(o.manager, csv, true)).rejects.toBeInstanceOf(UserError);
    expect(await db.user.count({ where: { organizationId: o.org.id } })).toBe(before);
    await expect(planImport(o.teammate, csv)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("imports every row at once, with profiles and inbox threads, and invites them in the background", async () => {
    const o = await makeOrg();
    const csv = [
      header,
      `ana@${o.tag}.test,Ana,Roy,+33611111111,yes,Lyon,care,Night,`,
      `=cmd@${o.tag}.test,"=HYPERLINK(""x"")",Lee,,no,,,,`,
    ].join("\r\n");
    expect((await planImport(o.admin, csv)).valid).toBe(true);
    expect(await runImport(o.admin, csv, true)).toEqual({ imported: 2 });
    const ana = await db.user.findUniqueOrThrow({
      where: { email: `ana@${o.tag}.test` },
      include: { profile: { include: { groups: true } }, inboxThread: true },
    });
    expect(ana).toMatchObject({
      role: "TEAMMATE",
      phone: "+33611111111",
      profile: { city: "Lyon", smsConsent: true, departmentId: o.dept.id, groups: [{ name: "Night" }] },
    });
    expect(ana.inboxThread).not.toBeNull();
    // A name that looks like a formula is kept as typed, and neutralised wherever CSV is written.
    const lee = await db.user.findFirstOrThrow({ where: { lastName: "Lee", organizationId: o.org.id } });
    expect(lee.firstName).toBe('=HYPERLINK("x")');
    expect(csvLine([lee.firstName])).toBe(`"'=HYPERLINK(""x"")"\r\n`);
    const job = await db.job.findFirstOrThrow({ where: { kind: INVITE_JOB.kind }, orderBy: { createdAt: "desc" } });
    const payload = INVITE_JOB.schema.parse(job.payload);
    expect(payload.userIds).toHaveLength(2);
    await sendImportInvitations(payload);
    await sendImportInvitations(payload); // a retry sends nothing twice
    expect(await db.emailOutbox.count({ where: { toEmail: { in: [ana.email, lee.email] } } })).toBe(2);
    expect(await db.auditEntry.count({ where: { organizationId: o.org.id, action: "people.imported" } })).toBe(1);
  });
});
