import "server-only";
import { writeTx } from "@/lib/db";
import { requireAdmin } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/record";

/** Admins set how long an author may edit a message (0 turns editing off); audited. */
export async function setEditWindow(user: SessionUser, minutes: number): Promise<void> {
  requireAdmin(user);
  await writeTx(async (tx) => {
    await tx.organization.update({
      where: { id: user.organizationId },
      data: { editWindowMinutes: minutes },
      select: { id: true },
    });
    await audit(tx, user, "organization.editWindow", { type: "Organization", id: user.organizationId }, { minutes });
  });
}
