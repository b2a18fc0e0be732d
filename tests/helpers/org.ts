import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { buildOrg, type TestUser } from "./world";

export { TEST_PASSWORD } from "./world";

const asSession = ({ id, organizationId, role, email, firstName, lastName }: TestUser): SessionUser => ({
  id,
  organizationId,
  role,
  email,
  firstName,
  lastName,
  locale: "en",
  messagingAccess: true,
});

/** An organisation with an admin, two managers and two teammates with their threads. */
export async function makeOrg(name = "Org", opts: { chatEnabled?: boolean } = {}) {
  const o = await buildOrg(db, name, opts);
  return {
    org: o.org,
    dept: o.dept,
    /** This organisation's own tag, for unique e-mail addresses. */
    tag: o.tag,
    admin: asSession(o.admin),
    manager: asSession(o.manager),
    manager2: asSession(o.manager2),
    teammate: { ...asSession(o.teammate), threadId: o.teammate.threadId },
    teammate2: { ...asSession(o.teammate2), threadId: o.teammate2.threadId },
    /** Another teammate of the organisation (in its department unless moved). */
    addTeammate: async (firstName: string, lastName: string) => {
      const t = await o.addTeammate(firstName, lastName);
      return { ...asSession(t), threadId: t.threadId };
    },
  };
}

export const cid = () => randomUUID();
