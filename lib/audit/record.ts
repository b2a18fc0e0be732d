import type { Tx } from "@/lib/db";
import { json, sql, type SqlExec } from "@/lib/db/exec";
import { newId } from "@/lib/db/ids";
import type { SessionUser } from "@/lib/auth/roles";
import type { AuditAction, AuditData, AuditTargetType } from "./actions";

export type AuditLine = {
  organizationId: string;
  /** null: Shiftline itself, or the owner of a signed-out account (a reset link). */
  actorId: string | null;
  action: AuditAction;
  target: { type: AuditTargetType; id: string };
  data?: AuditData;
};

/** The row of one audit line, for a create inside a batch of writes. */
export function auditRow({ organizationId, actorId, action, target, data = {} }: AuditLine) {
  return {
    organizationId,
    actorId,
    action,
    targetType: target.type,
    targetId: target.id,
    data: JSON.parse(JSON.stringify(data)) as object,
  };
}

/** One line of the audit history (who did what to which record), in the caller's transaction. */
export function audit(
  tx: Tx,
  user: SessionUser,
  action: AuditAction,
  target: { type: AuditTargetType; id: string },
  data: AuditData = {},
) {
  return tx.auditEntry.create({
    data: auditRow({ organizationId: user.organizationId, actorId: user.id, action, target, data }),
    select: { id: true },
  });
}

/** One line of the audit history in a transaction of the SQL executor (lib/db/exec.ts). */
export async function auditIn(tx: SqlExec, line: AuditLine, at = new Date()): Promise<void> {
  const row = auditRow(line);
  await tx.run(sql`INSERT INTO "AuditEntry" ("id", "organizationId", "actorId", "action", "targetType", "targetId", "data", "createdAt")
    VALUES (${newId()}, ${row.organizationId}, ${row.actorId}, ${row.action}, ${row.targetType}, ${row.targetId}, ${json(tx, row.data)}, ${at})`);
}
