import "server-only";
import { db } from "@/lib/db";
import { sendOnce } from "@/lib/messaging/send";

// An SMS from a teammate's number: "STOP" (and its usual variants, French included)
// withdraws their SMS consent; anything else lands in their inbox thread, as if they
// had written it in the app (live for staff, stored once per Twilio message id).

const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET", "ARRÊT", "DESABONNER", "DÉSABONNER"]);

export type InboundOutcome = "posted" | "duplicate" | "stopped" | "unknown";

export async function receiveSms(from: string, body: string, sid: string): Promise<InboundOutcome> {
  const teammate = await teammateByPhone(from);
  if (!teammate) return "unknown";
  if (STOP_WORDS.has(body.trim().toUpperCase())) {
    await db.$transaction([
      db.teammateProfile.updateMany({ where: { userId: teammate.id }, data: { smsConsent: false, smsConsentAt: new Date() } }),
      db.auditEntry.create({
        data: {
          organizationId: teammate.organizationId,
          actorId: teammate.id,
          action: "sms.consent.withdrawn",
          targetType: "User",
          targetId: teammate.id,
          data: JSON.stringify({ by: "sms", sid }),
        },
      }),
    ]);
    return "stopped";
  }
  const thread = await db.conversation.findFirst({
    where: { organizationId: teammate.organizationId, kind: "INBOX", teammateId: teammate.id, deletedAt: null },
    select: { id: true },
  });
  if (!thread || !body.trim()) return "unknown";
  const { duplicate } = await sendOnce({
    organizationId: teammate.organizationId,
    conversationId: thread.id,
    author: { id: teammate.id, name: `${teammate.firstName} ${teammate.lastName}`, staff: false },
    kind: "TEXT",
    body: body.trim().slice(0, 4000),
    clientId: `sms-${sid}`,
    where: { kind: "INBOX", teammateId: teammate.id },
  });
  return duplicate ? "duplicate" : "posted";
}

/** The active teammate with this number; if several organisations have it, the one that texted it last. */
async function teammateByPhone(phone: string) {
  const people = await db.user.findMany({
    where: { phone, role: "TEAMMATE", disabledAt: null },
    select: { id: true, organizationId: true, firstName: true, lastName: true },
  });
  if (people.length <= 1) return people[0] ?? null;
  const last = await db.smsDelivery.findFirst({
    where: { toPhone: phone, recipientId: { in: people.map((p) => p.id) } },
    orderBy: { createdAt: "desc" },
    select: { recipientId: true },
  });
  return people.find((p) => p.id === last?.recipientId) ?? null;
}
