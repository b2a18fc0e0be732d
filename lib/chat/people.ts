import "server-only";
import { db, type Tx } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";

export type Person = { id: string; firstName: string; lastName: string };

const ACTIVE_TEAMMATE = { role: "TEAMMATE" as const, disabledAt: null, profile: { active: true } };

/** A department's active teammates, optionally of one employee group, for the picker (the user left out). */
export async function departmentPeople(user: SessionUser, departmentId: string, groupId?: string): Promise<Person[]> {
  return db.user.findMany({
    where: {
      organizationId: user.organizationId,
      id: { not: user.id },
      ...ACTIVE_TEAMMATE,
      profile: { active: true, departmentId, ...(groupId ? { groups: { some: { id: groupId, departmentId } } } : {}) },
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, firstName: true, lastName: true },
    take: 1000,
  });
}

/** These people, all active teammates of the department, or the whole request is refused. */
export async function requireDepartmentPeople(
  tx: Tx,
  user: SessionUser,
  departmentId: string,
  ids: string[],
): Promise<Person[]> {
  const unique = [...new Set(ids)].filter((id) => id !== user.id);
  const found = await tx.user.findMany({
    where: {
      id: { in: unique },
      organizationId: user.organizationId,
      ...ACTIVE_TEAMMATE,
      profile: { active: true, departmentId },
    },
    select: { id: true, firstName: true, lastName: true },
  });
  if (found.length !== unique.length || unique.length === 0)
    throw new UserError("errors.chat.notInDepartment", undefined, "memberIds");
  return found;
}

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** The departments a user may start a conversation in, with their employee groups: all for staff, their own for a teammate. */
export async function chatDepartments(user: SessionUser, own: string | null) {
  return db.department.findMany({
    where: { organizationId: user.organizationId, archivedAt: null, ...(isStaff(user.role) ? {} : { id: own ?? "" }) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      groups: { where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
  });
}
