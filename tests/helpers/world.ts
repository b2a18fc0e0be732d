import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/db/generated/client";
import type { Role } from "../../lib/db/generated/enums";
import { hashPassword } from "../../lib/auth/password";
import {
  createDepartment,
  createOrganization,
  createShift,
  createStaff,
  createTeammate,
} from "../../lib/seed/factories";

// An organisation of its own for one test, built with the seed's factories: Vitest
// (tests/helpers/org.ts) and Playwright (tests/e2e/fixtures.ts) use the same one.

export const TEST_PASSWORD = "correct horse battery";
let hash: Promise<string> | undefined;
// A cheap cost keeps tests fast; the format and code path are the production ones.
const passwordHash = () => (hash ??= hashPassword(TEST_PASSWORD, { N: 1024, r: 8, p: 1 }));

export type TestUser = {
  id: string;
  organizationId: string;
  role: Role;
  email: string;
  firstName: string;
  lastName: string;
};
export type TestTeammate = TestUser & { threadId: string };

export async function buildOrg(db: PrismaClient, name = "Org", opts: { chatEnabled?: boolean } = {}) {
  const tag = randomUUID().slice(0, 8);
  const org = await createOrganization(db, {
    name,
    slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${tag}`,
    chatEnabled: opts.chatEnabled,
  });
  const dept = await createDepartment(db, org.id, "Care", ["Day", "Night"]);
  const ph = await passwordHash();
  const staff = async (role: Role, firstName: string, lastName: string): Promise<TestUser> => {
    const u = await createStaff(db, {
      organizationId: org.id,
      role,
      firstName,
      lastName,
      email: `${firstName.toLowerCase()}-${tag}@t.test`,
      passwordHash: ph,
    });
    return { ...u, role };
  };
  const teammate = async (
    firstName: string,
    lastName: string,
    more: { waitingList?: boolean; city?: string } = {},
  ): Promise<TestTeammate> => {
    const t = await createTeammate(db, {
      organizationId: org.id,
      firstName,
      lastName,
      email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}-${tag}@t.test`,
      passwordHash: ph,
      departmentId: dept.id,
      ...more,
    });
    return { ...t, role: "TEAMMATE" };
  };
  return {
    org,
    dept,
    tag,
    admin: await staff("ADMIN", "Ada", "Admin"),
    manager: await staff("MANAGER", "Max", "Manager"),
    manager2: await staff("MANAGER", "Mia", "Manager"),
    teammate: await teammate("Tess", "One"),
    teammate2: await teammate("Theo", "Two"),
    /** Another teammate or candidate of this organisation. */
    addTeammate: teammate,
  };
}

export type TestOrg = Awaited<ReturnType<typeof buildOrg>>;

/** A shift of an activity with these teammates assigned. */
export async function addShift(
  db: PrismaClient,
  o: TestOrg,
  s: { activity: string; startsAt: Date; endsAt: Date; assignees: string[]; place?: string; needed?: number },
) {
  const { activity: activityName, place = "Residence", ...shift } = s;
  const activity = await db.activity.create({
    data: { organizationId: o.org.id, name: activityName },
    select: { id: true },
  });
  return createShift(db, {
    organizationId: o.org.id,
    activityId: activity.id,
    departmentId: o.dept.id,
    place,
    ...shift,
  });
}
