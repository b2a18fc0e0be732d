import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assignableStaff } from "./assign";

/**
 * The managers a note names: "@First Last" of a colleague with messaging in the organisation
 * (who may own a thread: `assignableStaff`; not the author), whatever the case. Read from the text itself, so a note written without
 * JavaScript names people too.
 */
export async function mentionedIn(user: SessionUser, body: string): Promise<{ id: string; name: string }[]> {
  if (!body.includes("@")) return [];
  const text = body.toLocaleLowerCase();
  return (await assignableStaff(user))
    .filter((p) => p.id !== user.id && text.includes(`@${p.name.toLocaleLowerCase()}`))
    .map(({ id, name }) => ({ id, name }));
}

/** Notes naming this manager that they have not read yet (their Messaging badge). */
export async function unseenMentions(user: SessionUser): Promise<number> {
  return db.noteMention.count({ where: { userId: user.id, organizationId: user.organizationId, seenAt: null } });
}
