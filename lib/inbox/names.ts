import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";

/** "First Last" of these people of the reader's organisation, by id (who processed a thread, who a note names). */
export async function namesById(user: SessionUser, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const people = await db.user.findMany({
    where: { organizationId: user.organizationId, id: { in: [...new Set(ids)] } },
    select: { id: true, firstName: true, lastName: true },
  });
  return new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
}
