import "server-only";
import { db } from "@/lib/db";
import type { SqlExec } from "@/lib/db/exec";
import { UserError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { smsEligibility } from "@/lib/sms/eligibility";
import { requireSmsRoom } from "@/lib/sms/limits";
import { insertSmsCopy } from "@/lib/sms/deliveries";
import { requireInboxThread } from "./access";

const REFUSED = {
  noNumber: "errors.sms.noNumber",
  noConsent: "errors.sms.noConsent",
  inactive: "errors.sms.inactive",
} as const;

/** The teammate of an inbox thread, and whether they may get SMS. */
async function smsReasonFor(user: SessionUser, conversationId: string) {
  const thread = await requireInboxThread(user, conversationId);
  const t = await db.user.findUnique({
    where: { id: thread.teammateId },
    select: { id: true, phone: true, locale: true, disabledAt: true, profile: { select: { smsConsent: true } } },
  });
  if (!t) return { reason: "noNumber" as const, teammate: null };
  return {
    reason: smsEligibility({ phone: t.phone, smsConsent: t.profile?.smsConsent ?? false, disabledAt: t.disabledAt }),
    teammate: t,
  };
}

/**
 * The SMS copy of one message in a thread (staff's "Send a copy by SMS"): refused, with
 * the reason, before the message is stored; then written with it, in its transaction
 * (where the hourly limits are checked too: a refusal there stores nothing).
 */
export async function smsCopyFor(user: SessionUser, conversationId: string) {
  const { reason, teammate } = await smsReasonFor(user, conversationId);
  if (reason !== "eligible" || !teammate?.phone)
    throw new UserError(REFUSED[reason === "eligible" ? "noNumber" : reason], {}, "smsCopy");
  const phone = teammate.phone;
  // The hourly limits are counted in the message's transaction, so two sends at once cannot both pass them.
  return async (tx: SqlExec, messageId: string, body: string) => {
    await requireSmsRoom(tx, user.organizationId, [phone]);
    return insertSmsCopy(tx, {
      organizationId: user.organizationId,
      messageId,
      recipientId: teammate.id,
      phone,
      locale: teammate.locale,
      body,
    });
  };
}
