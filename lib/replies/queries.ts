import "server-only";
import { db } from "@/lib/db";
import { requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { formatDay, formatTime } from "@/lib/text/format";
import { requireInboxThread } from "@/lib/inbox/access";
import type { ReplyValues } from "@/lib/conversations/reply-variables";

export type SavedReplyRow = {
  id: string;
  title: string;
  bodyEn: string | null;
  bodyFr: string | null;
  /** The organisation's (null: this manager's own). */
  shared: boolean;
  archived: boolean;
};

const SELECT = { id: true, title: true, bodyEn: true, bodyFr: true, ownerId: true, archivedAt: true } as const;
const row = (r: {
  id: string;
  title: string;
  bodyEn: string | null;
  bodyFr: string | null;
  ownerId: string | null;
  archivedAt: Date | null;
}): SavedReplyRow => ({
  id: r.id,
  title: r.title,
  bodyEn: r.bodyEn,
  bodyFr: r.bodyFr,
  shared: r.ownerId === null,
  archived: r.archivedAt !== null,
});

/** This manager's replies and the organisation's, in their order (own first); archived ones only with `archived`. */
export async function listSavedReplies(user: SessionUser, opts: { archived?: boolean } = {}): Promise<SavedReplyRow[]> {
  requireMessaging(user);
  const rows = await db.savedReply.findMany({
    where: {
      organizationId: user.organizationId,
      OR: [{ ownerId: user.id }, { ownerId: null }],
      ...(opts.archived ? {} : { archivedAt: null }),
    },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: SELECT,
    take: 500,
  });
  return rows.map(row).sort((a, b) => Number(a.shared) - Number(b.shared));
}

/** Whether managers may write the organisation's replies too (an admin's choice). */
export async function managersEditReplies(user: SessionUser): Promise<boolean> {
  const org = await db.organization.findUnique({
    where: { id: user.organizationId },
    select: { managersEditReplies: true },
  });
  return Boolean(org?.managersEditReplies);
}

/** Whether this user may write the organisation's replies: admins, and managers when an admin allows it. */
export async function mayEditShared(user: SessionUser): Promise<boolean> {
  return user.role === "ADMIN" || (await managersEditReplies(user));
}

/**
 * What a reply's variables become in this thread, in the teammate's language and the
 * organisation's time zone. The shift is the one the thread is about (its latest shift
 * question, if still ahead), else the teammate's next one; none: the shift variables stay unfilled.
 */
export async function replyValues(
  user: SessionUser,
  conversationId: string,
  now = new Date(),
): Promise<{ locale: string; values: ReplyValues }> {
  const thread = await requireInboxThread(user, conversationId);
  const [teammate, org, asked] = await Promise.all([
    db.user.findUnique({ where: { id: thread.teammateId }, select: { firstName: true, locale: true } }),
    db.organization.findUnique({ where: { id: user.organizationId }, select: { timeZone: true } }),
    db.message.findFirst({
      where: {
        conversationId: thread.id,
        kind: "SHIFT_QUESTION",
        shiftId: { not: null },
        shift: { startsAt: { gt: now } },
      },
      orderBy: { seq: "desc" },
      select: { shiftId: true },
    }),
  ]);
  const shiftSelect = { startsAt: true, endsAt: true, place: true, activity: { select: { name: true } } } as const;
  const shift = asked?.shiftId
    ? await db.shift.findFirst({
        where: { id: asked.shiftId, organizationId: user.organizationId },
        select: shiftSelect,
      })
    : await db.shift.findFirst({
        where: {
          organizationId: user.organizationId,
          startsAt: { gt: now },
          assignments: { some: { userId: thread.teammateId, deletedAt: null } },
        },
        orderBy: { startsAt: "asc" },
        select: shiftSelect,
      });
  const locale = teammate?.locale === "fr" ? "fr" : "en";
  const tz = org?.timeZone ?? "UTC";
  return {
    locale,
    values: {
      firstName: teammate?.firstName,
      myFirstName: user.firstName,
      ...(shift
        ? {
            shiftDate: formatDay(shift.startsAt, tz, locale),
            shiftStart: formatTime(shift.startsAt, tz, locale),
            shiftEnd: formatTime(shift.endsAt, tz, locale),
            shiftPlace: shift.place || undefined,
            shiftActivity: shift.activity.name,
          }
        : {}),
    },
  };
}
