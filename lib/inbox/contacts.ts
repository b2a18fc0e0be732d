import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { requireStaff } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { contactFiltersSchema, type ContactFilters } from "./schemas";

export type InboxContact = {
  conversationId: string;
  teammateId: string;
  firstName: string;
  lastName: string;
  waitingList: boolean;
  preview: string | null;
  lastMessageAt: Date | null;
  lastInboundAt: Date | null;
  processed: boolean;
  unread: number;
};

export const CONTACTS_PAGE_SIZE = 50;

type Row = {
  conversationId: string;
  teammateId: string;
  firstName: string;
  lastName: string;
  waitingList: number | boolean | null;
  preview: string | null;
  lastMessageAt: string | Date | null;
  lastInboundAt: string | Date | null;
  processed: number | boolean;
  lastInboundSeq: number | bigint;
  readSeq: number | bigint;
};

const ORDER: Record<ContactFilters["sort"], Prisma.Sql> = {
  latest: Prisma.sql`c."lastMessageAt" DESC NULLS LAST, u."lastName", u."firstName", c."id"`,
  received: Prisma.sql`c."lastInboundAt" DESC NULLS LAST, c."lastMessageAt" DESC NULLS LAST, c."id"`,
  name: Prisma.sql`u."lastName", u."firstName", c."id"`,
  unprocessed: Prisma.sql`CASE WHEN c."processed" = false AND c."lastSeq" > 0 THEN 0 ELSE 1 END, c."lastMessageAt" DESC NULLS LAST, c."id"`,
};

// This staff user's read position in thread c.
const readSeq = (userId: string) =>
  Prisma.sql`COALESCE((SELECT r."lastReadSeq" FROM "StaffReadState" r WHERE r."conversationId" = c."id" AND r."userId" = ${userId}), 0)`;

function conditions(user: SessionUser, f: ContactFilters): Prisma.Sql {
  const where: Prisma.Sql[] = [
    Prisma.sql`c."organizationId" = ${user.organizationId}`,
    Prisma.sql`c."kind" = 'INBOX'`,
    Prisma.sql`c."deletedAt" IS NULL`,
  ];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(Prisma.sql`(u."firstName" || ' ' || u."lastName" LIKE ${like} ESCAPE '\\' OR u."lastName" || ' ' || u."firstName" LIKE ${like} ESCAPE '\\')`);
  }
  if (f.department) where.push(Prisma.sql`p."departmentId" = ${f.department}`);
  if (f.city) where.push(Prisma.sql`lower(p."city") = lower(${f.city})`);
  if (f.postcode) where.push(Prisma.sql`p."postcode" LIKE ${`${f.postcode.replace(/[\\%_]/g, "")}%`}`);
  if (f.waiting) where.push(Prisma.sql`p."waitingList" = true`);
  if (f.processed) where.push(f.processed === "yes" ? Prisma.sql`c."processed" = true` : Prisma.sql`c."processed" = false AND c."lastSeq" > 0`);
  if (f.skill) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "_SkillToTeammateProfile" s WHERE s."B" = u."id" AND s."A" = ${f.skill})`);
  if (f.tag) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "_TagToTeammateProfile" t WHERE t."B" = u."id" AND t."A" = ${f.tag})`);
  if (f.activity) {
    where.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "Assignment" a JOIN "Shift" sh ON sh."id" = a."shiftId"
      WHERE a."userId" = u."id" AND a."deletedAt" IS NULL AND sh."activityId" = ${f.activity} AND sh."organizationId" = ${user.organizationId})`);
  }
  // Some unread message exactly when the teammate's last message is past the read position.
  if (f.unread) where.push(Prisma.sql`c."lastInboundSeq" > ${readSeq(user.id)}`);
  return Prisma.join(where, " AND ");
}

/**
 * The shared inbox's contact list: one row per teammate or candidate, sorted and
 * filtered as the URL says, a page at a time, with this staff user's unread counts.
 */
export async function listInboxContacts(
  user: SessionUser,
  filters: Partial<ContactFilters> = {},
  pageSize = CONTACTS_PAGE_SIZE,
  only?: string[],
): Promise<{ contacts: InboxContact[]; total: number; page: number; pages: number }> {
  requireStaff(user);
  const f: ContactFilters = { ...contactFiltersSchema.parse({}), ...filters };
  const from = Prisma.sql`FROM "Conversation" c
    JOIN "User" u ON u."id" = c."teammateId"
    LEFT JOIN "TeammateProfile" p ON p."userId" = u."id"
    WHERE ${conditions(user, f)}`;
  const [countRow] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n ${from}`;
  const total = Number(countRow?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(f.page, pages);
  // `only`: just these threads, where they still match the view (a live update of some rows).
  const window = only
    ? Prisma.sql`AND c."id" IN (${only.length ? Prisma.join(only) : Prisma.sql`NULL`})`
    : Prisma.sql`ORDER BY ${ORDER[f.sort]} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT c."id" AS "conversationId", u."id" AS "teammateId", u."firstName", u."lastName", p."waitingList",
      c."lastMessagePreview" AS "preview", c."lastMessageAt", c."lastInboundAt", c."processed", c."lastInboundSeq", ${readSeq(user.id)} AS "readSeq"
    ${from}
    ${window}`;
  const unread = await unreadCounts(rows);
  return {
    total,
    page,
    pages,
    contacts: rows.map((r) => ({
      conversationId: r.conversationId,
      teammateId: r.teammateId,
      firstName: r.firstName,
      lastName: r.lastName,
      waitingList: Boolean(r.waitingList),
      preview: r.preview,
      lastMessageAt: r.lastMessageAt ? new Date(r.lastMessageAt) : null,
      lastInboundAt: r.lastInboundAt ? new Date(r.lastInboundAt) : null,
      processed: Boolean(r.processed),
      unread: unread.get(r.conversationId) ?? 0,
    })),
  };
}

/** Unread counts for one page of contacts: one indexed query for the threads that have any. */
async function unreadCounts(rows: Row[]): Promise<Map<string, number>> {
  const behind = rows.filter((r) => Number(r.lastInboundSeq) > Number(r.readSeq));
  if (behind.length === 0) return new Map();
  const counts = await db.message.groupBy({
    by: ["conversationId"],
    where: { fromStaff: false, OR: behind.map((r) => ({ conversationId: r.conversationId, seq: { gt: Number(r.readSeq) } })) },
    _count: { _all: true },
  });
  return new Map(counts.map((c) => [c.conversationId, c._count._all]));
}

/** What the filter menus offer: the organisation's departments, skills, tags and activities. */
export async function contactFilterOptions(user: SessionUser) {
  requireStaff(user);
  const where = { organizationId: user.organizationId };
  const byName = { name: "asc" } as const;
  const [departments, skills, tags, activities] = await Promise.all([
    db.department.findMany({ where, orderBy: byName, select: { id: true, name: true } }),
    db.skill.findMany({ where, orderBy: byName, select: { id: true, name: true } }),
    db.tag.findMany({ where, orderBy: byName, select: { id: true, name: true } }),
    db.activity.findMany({ where, orderBy: byName, select: { id: true, name: true } }),
  ]);
  return { departments, skills, tags, activities };
}
