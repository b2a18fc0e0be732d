import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createDepartment, createOrganization, createStaff, createTeammate } from "@/lib/seed/factories";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";

export const TEST_PASSWORD = "correct horse battery";
let hash: Promise<string> | undefined;
// A cheap cost keeps tests fast; the format and code path are the production ones.
const passwordHash = () => (hash ??= hashPassword(TEST_PASSWORD, { N: 1024, r: 8, p: 1 }));

function asSession(u: { id: string; organizationId: string; role: SessionUser["role"]; email: string }, firstName: string, lastName: string): SessionUser {
  return { id: u.id, organizationId: u.organizationId, role: u.role, email: u.email, firstName, lastName };
}

/** An organisation with an admin, a manager and two teammates with their threads. */
export async function makeOrg(name = "Org") {
  const tag = randomUUID().slice(0, 8);
  const org = await createOrganization(db, { name, slug: `${name.toLowerCase()}-${tag}` });
  const dept = await createDepartment(db, org.id, "Care", ["Day", "Night"]);
  const ph = await passwordHash();
  const admin = await createStaff(db, {
    organizationId: org.id,
    role: "ADMIN",
    firstName: "Ada",
    lastName: "Admin",
    email: `admin-${tag}@t.test`,
    passwordHash: ph,
  });
  const manager = await createStaff(db, {
    organizationId: org.id,
    role: "MANAGER",
    firstName: "Max",
    lastName: "Manager",
    email: `max-${tag}@t.test`,
    passwordHash: ph,
  });
  const manager2 = await createStaff(db, {
    organizationId: org.id,
    role: "MANAGER",
    firstName: "Mia",
    lastName: "Manager",
    email: `mia-${tag}@t.test`,
    passwordHash: ph,
  });
  const t1 = await createTeammate(db, {
    organizationId: org.id,
    firstName: "Tess",
    lastName: "One",
    email: `tess-${tag}@t.test`,
    passwordHash: ph,
    departmentId: dept.id,
  });
  const t2 = await createTeammate(db, {
    organizationId: org.id,
    firstName: "Theo",
    lastName: "Two",
    email: `theo-${tag}@t.test`,
    passwordHash: ph,
    departmentId: dept.id,
  });
  return {
    org,
    dept,
    admin: asSession(admin, "Ada", "Admin"),
    manager: asSession(manager, "Max", "Manager"),
    manager2: asSession(manager2, "Mia", "Manager"),
    teammate: { ...asSession({ ...t1, role: "TEAMMATE" }, "Tess", "One"), threadId: t1.threadId },
    teammate2: { ...asSession({ ...t2, role: "TEAMMATE" }, "Theo", "Two"), threadId: t2.threadId },
  };
}

export const cid = () => randomUUID();
