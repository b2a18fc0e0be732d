import "server-only";
import { db, writeTx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/sql";
import { requireAdmin } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { UserError } from "@/lib/errors";
import { audit } from "@/lib/audit/record";

// An organisation's own Twilio sender (a number, or a Messaging Service): its SMS leave from
// it and the replies to it are unambiguously its own (lib/sms/inbound.ts). One per
// organisation, never another's.

export async function smsSenderOf(organizationId: string): Promise<string | null> {
  return (
    (await db.organization.findUnique({ where: { id: organizationId }, select: { smsSender: true } }))?.smsSender ??
    null
  );
}

export async function setSmsSender(user: SessionUser, sender: string | null): Promise<void> {
  requireAdmin(user);
  try {
    await writeTx(async (tx) => {
      await tx.organization.update({
        where: { id: user.organizationId },
        data: { smsSender: sender },
        select: { id: true },
      });
      await audit(tx, user, "organization.smsSender", { type: "Organization", id: user.organizationId }, { sender });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserError("errors.sms.senderTaken", {}, "sender");
    throw error;
  }
}
