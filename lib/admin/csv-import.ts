import "server-only";
import { db, writeTx } from "@/lib/db";
import { ForbiddenError, UserError } from "@/lib/errors";
import { requireStaff } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/record";
import { z } from "zod";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { jobKind, type PayloadOf } from "@/lib/jobs/kind";
import { isLocale } from "@/lib/i18n/locales";
import type { TextValue } from "@/lib/i18n/text";
import { parseCsv } from "./csv-parse";
import { NO_PASSWORD_YET } from "./invite";
import { sendPasswordLink } from "./passwords";

// Importing teammates from a CSV file: a preview with each row's problems, then the
// import, whole or not at all. Departments, groups, skills and tags are named as the
// organisation calls them (archived ones are refused).

const IMPORT_MAX_ROWS = 2000;
export const IMPORT_COLUMNS = [
  "email",
  "first_name",
  "last_name",
  "mobile",
  "sms_consent",
  "street",
  "postcode",
  "city",
  "language",
  "department",
  "groups",
  "skills",
  "tags",
  "waiting_list",
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

export type RowProblem = { key: string; values?: Record<string, TextValue> };
type PlannedRow = {
  line: number;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  smsConsent: boolean;
  street: string | null;
  postcode: string | null;
  city: string | null;
  locale: string;
  departmentId: string | null;
  departmentName: string | null;
  groupIds: string[];
  skillIds: string[];
  tagIds: string[];
  waitingList: boolean;
  problems: RowProblem[];
};
export type ImportPlan = { rows: PlannedRow[]; problems: RowProblem[]; valid: boolean };

const YES = new Set(["yes", "y", "true", "1", "oui", "o", "x"]);
const NO = new Set(["", "no", "n", "false", "0", "non"]);
const key = (s: string) => s.trim().toLowerCase();
const list = (s: string) =>
  s
    .split("|")
    .map((x) => x.trim())
    .filter(Boolean);

/** Reads and checks the file; nothing is written. */
export async function planImport(actor: SessionUser, text: string): Promise<ImportPlan> {
  requireStaff(actor);
  const table = parseCsv(text);
  const header = (table[0] ?? []).map((h) => key(h).replace(/\s+/g, "_"));
  const missing = ["email", "first_name", "last_name"].filter((c) => !header.includes(c));
  if (missing.length)
    return {
      rows: [],
      problems: [{ key: "errors.import.missingColumns", values: { columns: missing.join(", ") } }],
      valid: false,
    };
  const unknown = header.filter((h) => h && !(IMPORT_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    return {
      rows: [],
      problems: [{ key: "errors.import.unknownColumns", values: { columns: unknown.join(", ") } }],
      valid: false,
    };
  const body = table.slice(1);
  if (body.length === 0) return { rows: [], problems: [{ key: "errors.import.empty" }], valid: false };
  if (body.length > IMPORT_MAX_ROWS)
    return { rows: [], problems: [{ key: "errors.import.tooMany", values: { max: IMPORT_MAX_ROWS } }], valid: false };

  const org = { organizationId: actor.organizationId, archivedAt: null };
  const [departments, skills, tags] = await Promise.all([
    db.department.findMany({
      where: org,
      select: { id: true, name: true, groups: { where: { archivedAt: null }, select: { id: true, name: true } } },
    }),
    db.skill.findMany({ where: org, select: { id: true, name: true } }),
    db.tag.findMany({ where: org, select: { id: true, name: true } }),
  ]);
  const byName = <T extends { name: string }>(items: T[]) => new Map(items.map((i) => [key(i.name), i]));
  const deptByName = byName(departments);
  const skillByName = byName(skills);
  const tagByName = byName(tags);
  const emails = body.map((r) => key(r[header.indexOf("email")] ?? ""));
  // Addresses are unique across the server. One used in this organisation is said so; one used
  // elsewhere only "cannot be used here", so that staff learn nothing about other organisations.
  const users = await db.user.findMany({
    where: { email: { in: [...new Set(emails)].filter(Boolean) } },
    select: { email: true, organizationId: true },
  });
  const ours = new Set(users.filter((u) => u.organizationId === actor.organizationId).map((u) => u.email));
  const elsewhere = new Set(users.filter((u) => u.organizationId !== actor.organizationId).map((u) => u.email));

  const rows = body.map((cells, i): PlannedRow => {
    const get = (c: Column) => (header.includes(c) ? (cells[header.indexOf(c)] ?? "").trim() : "");
    const problems: RowProblem[] = [];
    const email = key(get("email"));
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) problems.push({ key: "errors.import.email" });
    else if (ours.has(email)) problems.push({ key: "errors.person.emailTaken" });
    else if (elsewhere.has(email)) problems.push({ key: "errors.person.emailUnavailable" });
    else if (emails.indexOf(email) !== i)
      problems.push({ key: "errors.import.emailTwice", values: { line: emails.indexOf(email) + 2 } });
    const firstName = get("first_name");
    const lastName = get("last_name");
    if (!firstName) problems.push({ key: "errors.person.firstNameRequired" });
    if (!lastName) problems.push({ key: "errors.person.lastNameRequired" });
    if (firstName.length > 80 || lastName.length > 80)
      problems.push({ key: "errors.person.nameTooLong", values: { max: 80 } });
    const phone = get("mobile").replace(/[\s.()-]/g, "") || null;
    if (phone && !/^\+[1-9]\d{6,14}$/.test(phone)) problems.push({ key: "errors.person.phoneInvalid" });
    const flag = (c: Column) => {
      const v = key(get(c));
      if (YES.has(v)) return true;
      if (!NO.has(v)) problems.push({ key: "errors.import.yesNo", values: { column: c } });
      return false;
    };
    const locale = key(get("language")) || "en";
    if (!isLocale(locale)) problems.push({ key: "errors.import.language" });
    const deptName = get("department");
    const dept = deptName ? deptByName.get(key(deptName)) : undefined;
    if (deptName && !dept)
      problems.push({ key: "errors.import.unknown", values: { column: "department", name: deptName } });
    const groupIds = list(get("groups")).flatMap((g) => {
      const found = dept?.groups.find((x) => key(x.name) === key(g));
      if (!found) problems.push({ key: "errors.import.unknown", values: { column: "groups", name: g } });
      return found ? [found.id] : [];
    });
    const named = (c: Column, map: Map<string, { id: string }>) =>
      list(get(c)).flatMap((n) => {
        const found = map.get(key(n));
        if (!found) problems.push({ key: "errors.import.unknown", values: { column: c, name: n } });
        return found ? [found.id] : [];
      });
    const long = (c: Column, max: number) => {
      const v = get(c);
      if (v.length > max) problems.push({ key: "errors.person.fieldTooLong", values: { max } });
      return v || null;
    };
    return {
      line: i + 2,
      email,
      firstName,
      lastName,
      phone,
      smsConsent: flag("sms_consent"),
      street: long("street", 120),
      postcode: long("postcode", 20),
      city: long("city", 80),
      locale,
      departmentId: dept?.id ?? null,
      departmentName: dept?.name ?? null,
      groupIds,
      skillIds: named("skills", skillByName),
      tagIds: named("tags", tagByName),
      waitingList: flag("waiting_list"),
      problems,
    };
  });
  return { rows, problems: [], valid: rows.every((r) => r.problems.length === 0) };
}

/** Imports every row in one transaction, or none; optionally e-mails each an invitation (in the background). */
export async function runImport(actor: SessionUser, text: string, invite: boolean): Promise<{ imported: number }> {
  requireStaff(actor);
  if (actor.role !== "ADMIN" && actor.role !== "MANAGER") throw new ForbiddenError();
  const plan = await planImport(actor, text);
  if (!plan.valid) throw new UserError("errors.import.hasErrors");
  const now = new Date();
  const ids = await writeTx(async (tx, ex) => {
    const created: string[] = [];
    for (const r of plan.rows) {
      const user = await tx.user.create({
        data: {
          organizationId: actor.organizationId,
          email: r.email,
          firstName: r.firstName,
          lastName: r.lastName,
          phone: r.phone,
          locale: r.locale,
          role: "TEAMMATE",
          passwordHash: NO_PASSWORD_YET,
          profile: {
            create: {
              organizationId: actor.organizationId,
              departmentId: r.departmentId,
              street: r.street,
              postcode: r.postcode,
              city: r.city,
              smsConsent: r.smsConsent,
              smsConsentAt: r.smsConsent ? now : null,
              waitingList: r.waitingList,
              groups: { connect: r.groupIds.map((id) => ({ id })) },
              skills: { connect: r.skillIds.map((id) => ({ id })) },
              tags: { connect: r.tagIds.map((id) => ({ id })) },
            },
          },
        },
        select: { id: true },
      });
      await tx.conversation.create({
        data: {
          organizationId: actor.organizationId,
          kind: "INBOX",
          teammateId: user.id,
          members: { create: { userId: user.id } },
        },
      });
      created.push(user.id);
    }
    await audit(
      tx,
      actor,
      "people.imported",
      { type: "Organization", id: actor.organizationId },
      { count: created.length, invite },
    );
    // The invitations go with the people they invite: both stored, or neither.
    if (invite && created.length)
      await enqueueIn(
        ex,
        INVITE_JOB,
        { userIds: created, invitedBy: `${actor.firstName} ${actor.lastName}` },
        { organizationId: actor.organizationId },
      );
    return created;
  });
  return { imported: ids.length };
}

export const INVITE_JOB = jobKind(
  "people.invite",
  z.object({ userIds: z.array(z.string().min(1)), invitedBy: z.string() }),
  { maxAttempts: 3 },
);

/** The job: each imported person's invitation e-mail, through the one e-mail path. */
export async function sendImportInvitations({ userIds, invitedBy }: PayloadOf<typeof INVITE_JOB>): Promise<void> {
  // A retry sends only to those still without a password who have no link of the last hour.
  const recent = new Date(Date.now() - 3_600_000);
  for (const id of userIds) {
    const user = await db.user.findUnique({ where: { id }, select: { passwordHash: true, disabledAt: true } });
    if (!user || user.disabledAt || user.passwordHash !== NO_PASSWORD_YET) continue;
    if (
      await db.userToken.findFirst({
        where: { userId: id, purpose: "invite", createdAt: { gt: recent } },
        select: { id: true },
      })
    )
      continue;
    await sendPasswordLink(id, "invite", { name: invitedBy, id: null });
  }
}
