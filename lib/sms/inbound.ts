import "server-only";
import { auditRow } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/sql";
import { sql } from "@/lib/db/exec";
import { sendOnce } from "@/lib/conversations/send";

// An SMS from a teammate's number: "STOP" (and its usual variants, French included)
// withdraws their SMS consent; anything else lands in their inbox thread, as if they had
// written it in the app. Each Twilio message is taken once, by its MessageSid, in the
// transaction that acts on it: a replayed webhook (the same signed post again) does nothing.
//
// Whose is it? An organisation with its own sender (Organization.smsSender) owns the replies
// to it. On the server's shared sender, a reply belongs to the organisation that texted the
// number lately (within WINDOW_MS), or to the only one that has it; when several organisations
// texted it lately, it goes to none (the sender is asked to reply in the app): a reply is
// never put in an organisation it may not be meant for.

const STOP_WORDS = new Set([
  "STOP",
  "STOPALL",
  "UNSUBSCRIBE",
  "CANCEL",
  "END",
  "QUIT",
  "ARRET",
  "ARRÊT",
  "DESABONNER",
  "DÉSABONNER",
]);
const WINDOW_MS = 7 * 24 * 3600_000;

export type InboundOutcome = "posted" | "duplicate" | "stopped" | "unrouted" | "unknown";
export type InboundSms = { sid: string; from: string; to?: string; messagingServiceSid?: string; body: string };
type Person = { id: string; organizationId: string; firstName: string; lastName: string; locale: string };

export async function receiveSms(sms: InboundSms, now = new Date()): Promise<InboundOutcome> {
  if (await db.inboundSms.findUnique({ where: { sid: sms.sid }, select: { sid: true } })) return "duplicate";
  const route = await routeOf(sms, now);
  try {
    return await act(sms, route);
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate"; // the same message, taken meanwhile by another delivery of the webhook
    throw error;
  }
}

type Route = { kind: "one"; person: Person } | { kind: "shared"; people: Person[] } | { kind: "nobody" };

async function act(sms: InboundSms, route: Route): Promise<InboundOutcome> {
  const taken = (status: string, organizationId: string | null) => ({
    sid: sms.sid,
    fromPhone: sms.from,
    status,
    organizationId,
  });
  if (STOP_WORDS.has(sms.body.trim().toUpperCase())) {
    // A STOP to a shared sender stops every SMS from it (carriers block it too): each organisation that has the number hears it.
    const people = route.kind === "one" ? [route.person] : route.kind === "shared" ? route.people : [];
    await db.$transaction([
      db.inboundSms.create({
        data: taken(people.length ? "STOPPED" : "UNKNOWN", route.kind === "one" ? route.person.organizationId : null),
      }),
      ...people.flatMap((p) => [
        db.teammateProfile.updateMany({
          where: { userId: p.id },
          data: { smsConsent: false, smsConsentAt: new Date() },
        }),
        db.auditEntry.create({
          data: auditRow({
            organizationId: p.organizationId,
            actorId: p.id,
            action: "sms.consent.withdrawn",
            target: { type: "User", id: p.id },
            data: { by: "sms", sid: sms.sid },
          }),
        }),
      ]),
    ]);
    return people.length ? "stopped" : "unknown";
  }
  if (route.kind !== "one" || !sms.body.trim()) {
    await db.inboundSms.create({ data: taken(route.kind === "shared" ? "UNROUTED" : "UNKNOWN", null) });
    return route.kind === "shared" ? "unrouted" : "unknown";
  }
  const teammate = route.person;
  const thread = await db.conversation.findFirst({
    where: { organizationId: teammate.organizationId, kind: "INBOX", teammateId: teammate.id, deletedAt: null },
    select: { id: true },
  });
  if (!thread) {
    await db.inboundSms.create({ data: taken("UNKNOWN", teammate.organizationId) });
    return "unknown";
  }
  const { duplicate } = await sendOnce(
    {
      organizationId: teammate.organizationId,
      conversationId: thread.id,
      author: { id: teammate.id, name: `${teammate.firstName} ${teammate.lastName}`, staff: false },
      kind: "TEXT",
      body: sms.body.trim().slice(0, 4000),
      clientId: `sms-${sms.sid}`,
      where: { kind: "INBOX", teammateId: teammate.id },
    },
    // Taken with the message it became: both or neither.
    async (tx) => {
      await tx.run(sql`INSERT INTO "InboundSms" ("sid", "fromPhone", "status", "organizationId", "createdAt")
        VALUES (${sms.sid}, ${sms.from}, 'POSTED', ${teammate.organizationId}, ${new Date()})`);
    },
  );
  return duplicate ? "duplicate" : "posted";
}

const PERSON = { id: true, organizationId: true, firstName: true, lastName: true, locale: true } as const;

async function routeOf(sms: InboundSms, now: Date): Promise<Route> {
  const senders = [sms.to, sms.messagingServiceSid].filter((s): s is string => Boolean(s));
  const own = senders.length
    ? await db.organization.findFirst({ where: { smsSender: { in: senders } }, select: { id: true } })
    : null;
  const people = await db.user.findMany({
    where: {
      phone: sms.from,
      role: "TEAMMATE",
      disabledAt: null,
      ...(own ? { organizationId: own.id } : { organization: { smsSender: null } }),
    },
    select: PERSON,
  });
  if (people.length === 0) return { kind: "nobody" };
  const recent = await db.smsDelivery.findMany({
    where: {
      toPhone: sms.from,
      recipientId: { in: people.map((p) => p.id) },
      createdAt: { gte: new Date(now.getTime() - WINDOW_MS) },
    },
    orderBy: { createdAt: "desc" },
    select: { recipientId: true, organizationId: true },
    take: 50,
  });
  const orgs = new Set(recent.map((r) => r.organizationId));
  if (orgs.size > 1) return { kind: "shared", people };
  const latest = people.find((p) => p.id === recent[0]?.recipientId);
  if (latest) return { kind: "one", person: latest };
  if (new Set(people.map((p) => p.organizationId)).size === 1) return { kind: "one", person: people[0]! };
  return { kind: "shared", people };
}

/** What Twilio says back to a reply that went to nobody: reply in the app, in the sender's language(s). */
export function unroutedReply(locales: string[]): string {
  const en = "This number is shared by several organisations: please reply in the Shiftline app.";
  const fr = "Ce numéro est partagé par plusieurs organisations : répondez dans l’application Shiftline.";
  const set = new Set(locales);
  return set.size === 1 && set.has("fr") ? fr : set.size === 1 && set.has("en") ? en : `${en}\n${fr}`;
}

/** The languages of the people a number belongs to (for the reply above). */
export async function localesOfNumber(phone: string): Promise<string[]> {
  return (
    await db.user.findMany({ where: { phone, role: "TEAMMATE", disabledAt: null }, select: { locale: true } })
  ).map((u) => u.locale);
}

/** Whether this number is also a teammate's in another organisation (its admins are told: replies may not reach them). */
export async function numberSharedElsewhere(organizationId: string, phone: string | null): Promise<boolean> {
  if (!phone) return false;
  return (
    (await db.user.count({
      where: { phone, role: "TEAMMATE", disabledAt: null, organizationId: { not: organizationId } },
    })) > 0
  );
}

/** Who texted in, a year on, is forgotten (a replay that old finds nothing it could still change). */
export async function pruneInboundSms(now = new Date()): Promise<number> {
  const { count } = await db.inboundSms.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - 365 * 24 * 3600_000) } },
  });
  return count;
}
