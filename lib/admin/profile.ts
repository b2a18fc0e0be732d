import "server-only";
import { db, writeTx } from "@/lib/db";
import { NotFoundError, UserError } from "@/lib/errors";
import { requireStaff } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/record";
import { leaveOtherDepartments } from "@/lib/chat/members";
import type { ProfileInput } from "./schemas";

/** What the profile form offers: the teammate as stored, and the organisation's live structure. */
export async function profileForm(actor: SessionUser, userId: string) {
  requireStaff(actor);
  const org = { organizationId: actor.organizationId };
  const [teammate, departments, skills, tags] = await Promise.all([
    db.user.findFirst({
      where: { id: userId, ...org, role: "TEAMMATE" },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        phone: true,
        locale: true,
        profile: {
          select: {
            departmentId: true,
            street: true,
            postcode: true,
            city: true,
            smsConsent: true,
            waitingList: true,
            active: true,
            groups: { select: { id: true } },
            skills: { select: { id: true } },
            tags: { select: { id: true } },
          },
        },
      },
    }),
    db.department.findMany({
      where: { ...org, archivedAt: null },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        groups: { where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } },
      },
    }),
    db.skill.findMany({
      where: { ...org, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.tag.findMany({
      where: { ...org, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  if (!teammate) throw new NotFoundError("errors.notFound.teammate");
  return { teammate, departments, skills, tags };
}

/**
 * Staff edit a teammate's profile. Everything it names (department, its groups, skills,
 * tags) must be this organisation's and not archived, or nothing is written. A change
 * of SMS consent is dated and in the audit history.
 */
export async function updateTeammateProfile(actor: SessionUser, input: ProfileInput): Promise<void> {
  requireStaff(actor);
  const org = { organizationId: actor.organizationId, archivedAt: null };
  await writeTx(async (tx, ex) => {
    const current = await tx.user.findFirst({
      where: { id: input.userId, organizationId: actor.organizationId, role: "TEAMMATE" },
      select: { id: true, profile: { select: { smsConsent: true, active: true, departmentId: true } } },
    });
    if (!current) throw new NotFoundError("errors.notFound.teammate");
    const departmentId = input.departmentId;
    if (departmentId && !(await tx.department.findFirst({ where: { id: departmentId, ...org }, select: { id: true } })))
      throw new UserError("errors.person.chooseDepartment", undefined, "departmentId");
    const [groups, skills, tags] = await Promise.all([
      input.groupIds.length
        ? tx.employeeGroup.count({ where: { id: { in: input.groupIds }, ...org, departmentId: departmentId ?? "" } })
        : 0,
      input.skillIds.length ? tx.skill.count({ where: { id: { in: input.skillIds }, ...org } }) : 0,
      input.tagIds.length ? tx.tag.count({ where: { id: { in: input.tagIds }, ...org } }) : 0,
    ]);
    if (groups !== new Set(input.groupIds).size)
      throw new UserError("errors.person.groupsOfDepartment", undefined, "groupIds");
    if (skills !== new Set(input.skillIds).size || tags !== new Set(input.tagIds).size)
      throw new UserError("errors.staleRequest");
    const consentChanged = Boolean(current.profile?.smsConsent) !== input.smsConsent;
    await tx.user.update({
      where: { id: current.id },
      data: { firstName: input.firstName, lastName: input.lastName, phone: input.phone, locale: input.locale },
    });
    const profile = {
      departmentId,
      street: input.street,
      postcode: input.postcode,
      city: input.city,
      smsConsent: input.smsConsent,
      ...(consentChanged ? { smsConsentAt: input.smsConsent ? new Date() : null } : {}),
      waitingList: input.waitingList,
      active: input.active,
      groups: { set: input.groupIds.map((id) => ({ id })) },
      skills: { set: input.skillIds.map((id) => ({ id })) },
      tags: { set: input.tagIds.map((id) => ({ id })) },
    };
    await tx.teammateProfile.upsert({
      where: { userId: current.id },
      update: profile,
      create: {
        ...profile,
        userId: current.id,
        organizationId: actor.organizationId,
        groups: { connect: profile.groups.set },
        skills: { connect: profile.skills.set },
        tags: { connect: profile.tags.set },
      },
    });
    // Moved, or made inactive: the old department's public conversations close to them now.
    if (current.profile && (current.profile.departmentId !== departmentId || (current.profile.active && !input.active)))
      await leaveOtherDepartments(
        ex,
        { id: current.id, organizationId: actor.organizationId },
        input.active ? (departmentId ?? null) : null,
      );
    await audit(tx, actor, "teammate.profile", { type: "User", id: current.id });
    if (consentChanged)
      await audit(tx, actor, input.smsConsent ? "sms.consent.given" : "sms.consent.withdrawn", {
        type: "User",
        id: current.id,
      });
  });
}
