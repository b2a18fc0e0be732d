import "server-only";
import { db } from "@/lib/db";
import { STAFF_ROLES, isStaff, type Role, type SessionUser } from "@/lib/auth/roles";
import { translatorFor } from "@/lib/i18n/translator";
import { previewOf } from "@/lib/text/preview";
import { notifiedOf } from "@/lib/conversations/audience";
import { conversationUrl } from "@/lib/conversations/paths";
import type { PayloadOf } from "@/lib/jobs/kind";
import { pushTo, recordDelivery, takeDelivery, type Device, type PushPayload } from "./deliver";
import { isQuiet } from "./quiet";
import { unreadBadge } from "./badge";
import type { PUSH_DEVICE } from "./enqueue";
import type { THREAD_ASSIGNED_NOTIFY } from "@/lib/inbox/assign-notify";
import type { NOTE_MENTION_NOTIFY } from "@/lib/inbox/mention-notify";

// The push jobs (queued with the message, lib/conversations/notify.ts): who is told, in their
// language, with what. Only messages are read here: private notes live in another table
// and never reach this code.

type Recipient = SessionUser & { quietFrom: number | null; quietTo: number | null; pushSubscriptions: Device[] };

const RECIPIENT = {
  id: true,
  organizationId: true,
  role: true,
  firstName: true,
  lastName: true,
  email: true,
  locale: true,
  messagingAccess: true,
  quietFrom: true,
  quietTo: true,
  pushSubscriptions: { select: { id: true, endpoint: true, p256dh: true, auth: true } },
} as const;

/** People who take push at all: on, enabled, with a device. */
const reachable = (organizationId: string, except: string | null) => ({
  organizationId,
  disabledAt: null,
  pushEnabled: true,
  pushSubscriptions: { some: {} },
  ...(except ? { id: { not: except } } : {}),
});

export async function pushForMessage(messageId: string, job: JobRef, now = new Date()): Promise<void> {
  const m = await db.message.findUnique({
    where: { id: messageId },
    select: {
      id: true,
      body: true,
      kind: true,
      authorId: true,
      fromStaff: true,
      urgent: true,
      deletedAt: true,
      author: { select: { firstName: true, lastName: true } },
      attachments: { select: { fileName: true }, orderBy: { position: "asc" } },
      conversation: {
        select: {
          id: true,
          kind: true,
          name: true,
          teammateId: true,
          deletedAt: true,
          assignee: { select: { id: true, messagingAccess: true, disabledAt: true } },
          organization: { select: { id: true, timeZone: true, chatEnabled: true } },
        },
      },
    },
  });
  if (!m || m.deletedAt || m.conversation.deletedAt || !m.author || m.kind === "SYSTEM") return;
  const c = m.conversation;
  const org = c.organization;
  const inbox = c.kind === "INBOX";
  if (!inbox && !org.chatEnabled) return;
  const base = reachable(org.id, m.authorId);
  const notified = notifiedOf({ ...c, departmentId: null }, m.fromStaff);
  // An owner who lost messaging or was disabled owns nothing: everyone is told again.
  const owner =
    c.assignee && c.assignee.messagingAccess && !c.assignee.disabledAt && c.assignee.id !== m.authorId
      ? c.assignee.id
      : null;
  const where =
    notified.to === "teammate"
      ? { ...base, id: notified.userId, memberships: { none: { conversationId: c.id, muted: true } } }
      : notified.to === "messagingStaff"
        ? {
            ...base,
            role: { in: [...STAFF_ROLES] as Role[] },
            messagingAccess: true,
            staffReads: { none: { conversationId: c.id, muted: true } },
            // An assigned thread's new message is its owner's first: only they are told.
            ...(owner ? { id: owner } : {}),
          }
        : { ...base, memberships: { some: { conversationId: notified.conversationId, leftAt: null, muted: false } } };
  const people: Recipient[] = await db.user.findMany({ where, select: RECIPIENT, take: 5000 });
  const author = `${m.author.firstName} ${m.author.lastName}`;
  const text = m.body.trim() ? m.body : `📎 ${m.attachments.map((a) => a.fileName).join(", ")}`;
  for (const person of people) {
    if (!m.urgent && isQuiet(now, org.timeZone, person.quietFrom, person.quietTo)) continue;
    const t = translatorFor(person.locale);
    const staff = isStaff(person.role);
    const url = conversationUrl(c.kind, c.id, staff);
    const who = c.name && !inbox ? t("push.inConversation", { author, name: c.name }) : author;
    await pushToAll(job, person.pushSubscriptions, {
      title: m.urgent ? t("push.urgent", { title: who }) : who,
      body: previewOf(text),
      url,
      tag: c.id,
      badge: await unreadBadge(person, org.chatEnabled),
      urgent: m.urgent,
    });
  }
}

/** One manager with messaging to tell what only they need (an assignment, a mention), unless in their quiet hours. */
async function staffToTell(
  organizationId: string,
  userId: string,
  timeZone: string,
  now: Date,
): Promise<Recipient | null> {
  const person = await db.user.findFirst({
    where: { ...reachable(organizationId, null), id: userId, messagingAccess: true },
    select: RECIPIENT,
  });
  if (!person || !isStaff(person.role) || isQuiet(now, timeZone, person.quietFrom, person.quietTo)) return null;
  return person;
}

/** A manager was given a thread by a colleague: they are told, in their language, unless in their quiet hours. */
export async function pushForAssignment(
  { conversationId, assigneeId, byId }: PayloadOf<typeof THREAD_ASSIGNED_NOTIFY>,
  job: JobRef,
  now = new Date(),
): Promise<void> {
  const c = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      id: true,
      assigneeId: true,
      deletedAt: true,
      organizationId: true,
      teammate: { select: { firstName: true, lastName: true } },
      organization: { select: { timeZone: true, chatEnabled: true } },
    },
  });
  // Given to someone else (or taken back) before the job ran: nothing to tell.
  if (!c || c.deletedAt || c.assigneeId !== assigneeId || !c.teammate) return;
  const [person, by] = await Promise.all([
    staffToTell(c.organizationId, assigneeId, c.organization.timeZone, now),
    db.user.findFirst({
      where: { id: byId, organizationId: c.organizationId },
      select: { firstName: true, lastName: true },
    }),
  ]);
  if (!person) return;
  const t = translatorFor(person.locale);
  await pushToAll(job, person.pushSubscriptions, {
    title: t("push.assignedTitle", { by: by ? `${by.firstName} ${by.lastName}` : "Shiftline" }),
    body: t("push.assignedBody", { name: `${c.teammate.firstName} ${c.teammate.lastName}` }),
    url: conversationUrl("INBOX", c.id, true),
    tag: `assigned-${c.id}`,
    badge: await unreadBadge(person, c.organization.chatEnabled),
  });
}

/** A private note names a manager: they are told (staff only: the note's text goes to their own device). */
export async function pushForMention(
  { noteId, userId }: PayloadOf<typeof NOTE_MENTION_NOTIFY>,
  job: JobRef,
  now = new Date(),
): Promise<void> {
  const note = await db.privateNote.findUnique({
    where: { id: noteId },
    select: {
      body: true,
      organizationId: true,
      author: { select: { firstName: true, lastName: true } },
      conversation: {
        select: {
          id: true,
          deletedAt: true,
          teammate: { select: { firstName: true, lastName: true } },
          organization: { select: { timeZone: true, chatEnabled: true } },
        },
      },
    },
  });
  if (!note || note.conversation.deletedAt) return;
  const org = note.conversation.organization;
  // Only staff with messaging, ever: a note never reaches a teammate's device.
  const person = await staffToTell(note.organizationId, userId, org.timeZone, now);
  if (!person) return;
  const t = translatorFor(person.locale);
  const teammate = note.conversation.teammate;
  await pushToAll(job, person.pushSubscriptions, {
    title: t("push.mentionedTitle", {
      by: `${note.author.firstName} ${note.author.lastName}`,
      name: teammate ? `${teammate.firstName} ${teammate.lastName}` : "",
    }),
    body: previewOf(note.body),
    url: conversationUrl("INBOX", note.conversation.id, true),
    tag: `mention-${noteId}`,
    badge: await unreadBadge(person, org.chatEnabled),
  });
}

/** A new public conversation: its department's teammates hear of it (they join by opening it). */
export async function pushForChannel(conversationId: string, job: JobRef, now = new Date()): Promise<void> {
  const c = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      id: true,
      kind: true,
      name: true,
      departmentId: true,
      createdById: true,
      deletedAt: true,
      organization: { select: { id: true, timeZone: true, chatEnabled: true } },
    },
  });
  if (!c || c.kind !== "CHANNEL" || c.deletedAt || !c.departmentId || !c.organization.chatEnabled) return;
  const creator = c.createdById
    ? await db.user.findUnique({ where: { id: c.createdById }, select: { firstName: true, lastName: true } })
    : null;
  const people: Recipient[] = await db.user.findMany({
    where: {
      ...reachable(c.organization.id, c.createdById),
      role: "TEAMMATE",
      profile: { active: true, departmentId: c.departmentId },
    },
    select: RECIPIENT,
    take: 5000,
  });
  for (const person of people) {
    if (isQuiet(now, c.organization.timeZone, person.quietFrom, person.quietTo)) continue;
    const t = translatorFor(person.locale);
    await pushToAll(job, person.pushSubscriptions, {
      title: t("push.newChannel.title", { name: c.name ?? "" }),
      body: creator
        ? t("push.newChannel.body", { author: `${creator.firstName} ${creator.lastName}` })
        : t("push.newChannel.bodyNoAuthor"),
      url: conversationUrl("CHANNEL", c.id, false),
      tag: c.id,
      badge: await unreadBadge(person, true),
    });
  }
}

/** The job that pushes: its id keys each device's push (at most one each), its signal stops it when its lease is lost. */
type JobRef = { id: string; signal?: AbortSignal };

// A device whose push service failed gets its own retries, so the others are not sent twice.
async function pushToAll(job: JobRef, devices: Device[], payload: PushPayload): Promise<void> {
  for (const device of devices) {
    job.signal?.throwIfAborted();
    if (!(await takeDelivery(job.id, device.id))) continue;
    await recordDelivery(job.id, device, await pushTo(device, payload), payload);
  }
}

/** A retry for one device; its last attempt gives up quietly (the message is in the app all the same). */
export async function pushRetry(
  job: JobRef,
  { subscriptionId, payload }: PayloadOf<typeof PUSH_DEVICE>,
): Promise<void> {
  const device = await db.pushSubscription.findUnique({
    where: { id: subscriptionId },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
  });
  if (!device || !(await takeDelivery(job.id, device.id))) return;
  const outcome = await pushTo(device, payload);
  await recordDelivery(job.id, device, outcome);
  if (outcome === "failed") throw new Error("The push service did not take the notification");
}
