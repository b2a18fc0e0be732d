import "server-only";
import { db } from "@/lib/db";
import { STAFF_ROLES, type Role, type SessionUser } from "@/lib/auth/roles";

/**
 * The managers a note names: "@First Last" of a colleague with messaging in the organisation
 * (not the author), whatever the case. Read from the text itself, so a note written without
 * JavaScript names people too.
 */
export async function mentionedIn(user: SessionUser, body: string): Promise<{ id: string; name: string }[]> {
  if (!body.includes("@")) return [];
  const staff = await db.user.findMany({
    where: {
      organizationId: user.organizationId,
      role: { in: [...STAFF_ROLES] as Role[] },
      messagingAccess: true,
      disabledAt: null,
      id: { not: user.id },
    },
    select: { id: true, firstName: true, lastName: true },
    take: 500,
  });
  const text = body.toLocaleLowerCase();
  return staff
    .map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}` }))
    .filter((p) => text.includes(`@${p.name.toLocaleLowerCase()}`));
}

/** Names of these people of the organisation, by id. */
export async function staffNames(user: SessionUser, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const people = await db.user.findMany({
    where: { organizationId: user.organizationId, id: { in: [...new Set(ids)] } },
    select: { id: true, firstName: true, lastName: true },
  });
  return new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
}

/** Notes naming this manager that they have not read yet (their Messaging badge). */
export async function unseenMentions(user: SessionUser): Promise<number> {
  return db.noteMention.count({ where: { userId: user.id, organizationId: user.organizationId, seenAt: null } });
}
