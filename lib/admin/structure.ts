import "server-only";
import { db, writeTx, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/sql";
import { NotFoundError, UserError } from "@/lib/errors";
import { requireAdmin } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/record";

// Departments, their employee groups, skills, tags and activities: created, renamed,
// archived (and restored). Nothing is deleted: messages, shifts and profiles that refer
// to an archived item keep it; it is only no longer offered for new use.

export type { StructureKind } from "@/lib/audit/actions";
import type { StructureKind } from "@/lib/audit/actions";

type Delegate = {
  findFirst(args: object): Promise<{ id: string; name: string; archivedAt: Date | null } | null>;
  create(args: object): Promise<{ id: string }>;
  update(args: object): Promise<unknown>;
};
const table = (tx: Tx, kind: StructureKind): Delegate =>
  ({ department: tx.department, group: tx.employeeGroup, skill: tx.skill, tag: tx.tag, activity: tx.activity })[
    kind
  ] as unknown as Delegate;

async function write<T>(admin: SessionUser, work: (tx: Tx) => Promise<T>): Promise<T> {
  requireAdmin(admin);
  try {
    return await writeTx((tx) => work(tx));
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserError("errors.structure.nameTaken", undefined, "name");
    throw error;
  }
}

async function item(tx: Tx, admin: SessionUser, kind: StructureKind, id: string) {
  const found = await table(tx, kind).findFirst({
    where: { id, organizationId: admin.organizationId },
    select: { id: true, name: true, archivedAt: true },
  });
  if (!found) throw new NotFoundError("errors.notFound.item");
  return found;
}

export async function createItem(
  admin: SessionUser,
  kind: StructureKind,
  name: string,
  departmentId?: string,
): Promise<{ id: string }> {
  return write(admin, async (tx) => {
    if (kind === "group") {
      const d = await tx.department.findFirst({
        where: { id: departmentId ?? "", organizationId: admin.organizationId, archivedAt: null },
        select: { id: true },
      });
      if (!d) throw new UserError("errors.person.chooseDepartment", undefined, "departmentId");
    }
    const created = await table(tx, kind).create({
      data: { organizationId: admin.organizationId, name, ...(kind === "group" ? { departmentId } : {}) },
      select: { id: true },
    });
    await audit(tx, admin, `structure.${kind}.created`, { type: kind, id: created.id }, { name });
    return created;
  });
}

export async function renameItem(admin: SessionUser, kind: StructureKind, id: string, name: string): Promise<void> {
  await write(admin, async (tx) => {
    const found = await item(tx, admin, kind, id);
    if (found.name === name) return;
    await table(tx, kind).update({ where: { id: found.id }, data: { name } });
    await audit(tx, admin, `structure.${kind}.renamed`, { type: kind, id: found.id }, { from: found.name, to: name });
  });
}

export async function archiveItem(
  admin: SessionUser,
  kind: StructureKind,
  id: string,
  archived: boolean,
): Promise<void> {
  await write(admin, async (tx) => {
    const found = await item(tx, admin, kind, id);
    if (Boolean(found.archivedAt) === archived) return;
    await table(tx, kind).update({ where: { id: found.id }, data: { archivedAt: archived ? new Date() : null } });
    await audit(
      tx,
      admin,
      `structure.${kind}.${archived ? "archived" : "restored"}`,
      { type: kind, id: found.id },
      { name: found.name },
    );
  });
}

/** Everything, archived included, for the structure screen. */
export async function listStructure(admin: SessionUser) {
  requireAdmin(admin);
  const org = { organizationId: admin.organizationId };
  const select = { id: true, name: true, archivedAt: true } as const;
  const [departments, skills, tags, activities] = await Promise.all([
    db.department.findMany({
      where: org,
      orderBy: { name: "asc" },
      select: { ...select, groups: { select, orderBy: { name: "asc" } } },
    }),
    db.skill.findMany({ where: org, orderBy: { name: "asc" }, select }),
    db.tag.findMany({ where: org, orderBy: { name: "asc" }, select }),
    db.activity.findMany({ where: org, orderBy: { name: "asc" }, select }),
  ]);
  return { departments, skills, tags, activities };
}
