import "server-only";
import { db } from "@/lib/db";
import { sql, type SqlExec } from "@/lib/db/exec";
import { newId } from "@/lib/db/ids";
import { UserError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { translatorFor } from "@/lib/i18n/translator";
import { appUrl } from "@/lib/exports/link";
import { smsEligibility } from "@/lib/sms/eligibility";
import { requireSmsRoom } from "@/lib/sms/limits";
import { smsText } from "@/lib/sms/segments";
import { requireInboxThread } from "./access";

const REFUSED = { noNumber: "errors.sms.noNumber", noConsent: "errors.sms.noConsent", inactive: "errors.sms.inactive" } as const;

/** The teammate of an inbox thread, if they may get SMS. */
export async function smsReasonFor(user: SessionUser, conversationId: string) {
  const thread = await requireInboxThread(user, conversationId);
  const t = await db.user.findUnique({
    where: { id: thread.teammateId },
    select: { id: true, phone: true, locale: true, disabledAt: true, profile: { select: { smsConsent: true } } },
  });
  if (!t) return { reason: "noNumber" as const, teammate: null };
  return { reason: smsEligibility({ phone: t.phone, smsConsent: t.profile?.smsConsent ?? false, disabledAt: t.disabledAt }), teammate: t };
}

/**
 * The SMS copy of one message in a thread (staff's "Send a copy by SMS"): refused, with
 * the reason, before the message is stored; then written with it, in its transaction.
 */
export async function smsCopyFor(user: SessionUser, conversationId: string) {
  const { reason, teammate } = await smsReasonFor(user, conversationId);
  if (reason !== "eligible" || !teammate?.phone) throw new UserError(REFUSED[reason === "eligible" ? "noNumber" : reason], {}, "smsCopy");
  await requireSmsRoom(user.organizationId, [teammate.phone]);
  const id = newId();
  const phone = teammate.phone;
  const t = translatorFor(teammate.locale);
  return {
    id,
    store: async (tx: SqlExec, messageId: string, body: string) => {
      const now = new Date();
      await tx.run(sql`INSERT INTO "SmsDelivery" ("id", "organizationId", "messageId", "recipientId", "toPhone", "body", "status", "provider", "createdAt", "updatedAt")
        VALUES (${id}, ${user.organizationId}, ${messageId}, ${teammate.id}, ${phone}, ${smsText(body, t("sms.replyIn", { link: `${appUrl()}/me/messages` }))}, 'QUEUED', 'outbox', ${now}, ${now})`);
    },
  };
}
