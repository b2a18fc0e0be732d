import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";

/** One line of the audit history (who did what to which record), in the caller's transaction. */
export function audit(tx: Tx, user: SessionUser, action: string, target: { type: string; id: string }, data: object = {}) {
  return tx.auditEntry.create({
    data: { organizationId: user.organizationId, actorId: user.id, action, targetType: target.type, targetId: target.id, data: JSON.stringify(data) },
    select: { id: true },
  });
}
