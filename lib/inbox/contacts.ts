import "server-only";
import { addDays, isoDay, utcToLocalInput, weekStart, zonedToUtc } from "@/lib/text/time";
import { containsPattern, foldSql } from "@/lib/text/fold";
import { db } from "@/lib/db";
import { joinSql, queryAll, queryOne, sql, type Sql } from "@/lib/db/sql";
import { requireMessaging } from "@/lib/auth/authorize";
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
  /** The manager who owns the thread, if any. */
  assigneeId: string | null;
  assigneeName: string | null;
};

export const CONTACTS_PAGE_SIZE = 50;

const ROW = {
  conversationId: "text",
  teammateId: "text",
  firstName: "text",
  lastName: "text",
  waitingList: "bool?",
  preview: "text?",
  lastMessageAt: "date?",
  lastInboundAt: "date?",
  processed: "bool",
  lastInboundSeq: "int",
  assigneeId: "text?",
  assigneeFirstName: "text?",
  assigneeLastName: "text?",
} as const;

const ORDER: Record<ContactFilters["sort"], Sql> = {
  latest: sql`c."lastMessageAt" DESC NULLS LAST, u."lastName", u."firstName", c."id"`,
  received: sql`c."lastInboundAt" DESC NULLS LAST, c."lastMessageAt" DESC NULLS LAST, c."id"`,
  name: sql`u."lastName", u."firstName", c."id"`,
  unprocessed: sql`CASE WHEN c."processed" = false AND c."lastSeq" > 0 THEN 0 ELSE 1 END, c."lastMessageAt" DESC NULLS LAST, c."id"`,
};

// This staff user's read position in thread c.
const readSeq = (userId: string) =>
  sql`COALESCE((SELECT r."lastReadSeq" FROM "StaffReadState" r WHERE r."conversationId" = c."id" AND r."userId" = ${userId}), 0)`;

/** The window a schedule filter looks at, in the organisation's time zone. */
async function scheduleWindow(
  user: SessionUser,
  f: ContactFilters,
  now = new Date(),
): Promise<{ from: Date; to: Date } | null> {
  if (!f.scheduled) return null;
  const org = await queryOne(sql`SELECT "timeZone" FROM "Organization" WHERE "id" = ${user.organizationId}`, {
    timeZone: "text",
  });
  const tz = org?.timeZone ?? "UTC";
  const today = utcToLocalInput(now, tz).slice(0, 10);
  const day = (offset: number) => zonedToUtc(`${isoDay(addDays(new Date(`${today}T00:00:00Z`), offset))}T00:00`, tz);
  if (f.scheduled === "today") return { from: day(0), to: day(1) };
  if (f.scheduled === "tomorrow") return { from: day(1), to: day(2) };
  const monday = isoDay(weekStart(today));
  const start = zonedToUtc(`${monday}T00:00`, tz);
  return { from: start, to: zonedToUtc(`${isoDay(addDays(new Date(`${monday}T00:00:00Z`), 7))}T00:00`, tz) };
}

/** The threads (c), teammates (u) and profiles (p) a view of the contact list shows. */
async function viewFrom(user: SessionUser, f: ContactFilters): Promise<Sql> {
  return sql`FROM "Conversation" c
    JOIN "User" u ON u."id" = c."teammateId"
    LEFT JOIN "TeammateProfile" p ON p."userId" = u."id"
    WHERE ${conditions(user, f, await scheduleWindow(user, f))}`;
}

function conditions(user: SessionUser, f: ContactFilters, window: { from: Date; to: Date } | null = null): Sql {
  const where: Sql[] = [
    sql`c."organizationId" = ${user.organizationId}`,
    sql`c."kind" = 'INBOX'`,
    sql`c."deletedAt" IS NULL`,
  ];
  // Text filters match anywhere, whatever the case and accents, on both databases (lib/text/fold.ts).
  if (f.q) {
    const like = containsPattern(f.q);
    where.push(
      sql`(${foldSql(sql`u."firstName" || ' ' || u."lastName"`)} LIKE ${like} ESCAPE '\\' OR ${foldSql(sql`u."lastName" || ' ' || u."firstName"`)} LIKE ${like} ESCAPE '\\')`,
    );
  }
  if (f.department) where.push(sql`p."departmentId" = ${f.department}`);
  if (f.city) where.push(sql`${foldSql(sql`p."city"`)} LIKE ${containsPattern(f.city)} ESCAPE '\\'`);
  // Spaces do not count in a postcode: "69 200" finds 69200 and the other way round.
  if (f.postcode && f.postcode.replace(/\s+/g, ""))
    where.push(
      sql`REPLACE(${foldSql(sql`p."postcode"`)}, ' ', '') LIKE ${containsPattern(f.postcode.replace(/\s+/g, ""))} ESCAPE '\\'`,
    );
  if (f.waiting) where.push(sql`p."waitingList" = true`);
  if (f.owner) where.push(f.owner === "mine" ? sql`c."assigneeId" = ${user.id}` : sql`c."assigneeId" IS NULL`);
  if (f.processed)
    where.push(f.processed === "yes" ? sql`c."processed" = true` : sql`c."processed" = false AND c."lastSeq" > 0`);
  if (f.skill)
    where.push(sql`EXISTS (SELECT 1 FROM "_SkillToTeammateProfile" s WHERE s."B" = u."id" AND s."A" = ${f.skill})`);
  if (f.tag)
    where.push(sql`EXISTS (SELECT 1 FROM "_TagToTeammateProfile" t WHERE t."B" = u."id" AND t."A" = ${f.tag})`);
  if (f.activity) {
    where.push(sql`EXISTS (
      SELECT 1 FROM "Assignment" a JOIN "Shift" sh ON sh."id" = a."shiftId"
      WHERE a."userId" = u."id" AND a."deletedAt" IS NULL AND sh."activityId" = ${f.activity} AND sh."organizationId" = ${user.organizationId})`);
  }
  if (window) {
    const onShift = sql`EXISTS (
      SELECT 1 FROM "Assignment" a JOIN "Shift" sh ON sh."id" = a."shiftId"
      WHERE a."userId" = u."id" AND a."deletedAt" IS NULL AND sh."organizationId" = ${user.organizationId}
        AND sh."startsAt" < ${window.to} AND sh."endsAt" > ${window.from})`;
    where.push(f.scheduled === "notThisWeek" ? sql`NOT ${onShift}` : onShift);
  }
  // Some unread message exactly when the teammate's last message is past the read position.
  if (f.unread) where.push(sql`c."lastInboundSeq" > ${readSeq(user.id)}`);
  return joinSql(where, " AND ");
}

/**
 * The shared inbox's contact list: one row per teammate or candidate, sorted and
 * filtered as the URL says, a page at a time, with this staff user's unread counts.
 */
export async function listInboxContacts(
  user: SessionUser,
  filters: Partial<ContactFilters> = {},
  pageSize = CONTACTS_PAGE_SIZE,
  only?: { ids: string[]; count: boolean },
): Promise<{ contacts: InboxContact[]; total: number; page: number; pages: number }> {
  requireMessaging(user);
  const f: ContactFilters = { ...contactFiltersSchema.parse({}), ...filters };
  const from = await viewFrom(user, f);
  // `only`: just these threads, where they still match the view (a live update of some rows).
  const window = (page: number) =>
    only
      ? sql`AND c."id" IN (${
          only.ids.length
            ? joinSql(
                only.ids.map((id) => sql`${id}`),
                ", ",
              )
            : sql`NULL`
        })`
      : sql`ORDER BY ${ORDER[f.sort]} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const counted = !only || only.count;
  const countRows = counted ? queryOne(sql`SELECT count(*) AS "n" ${from}`, { n: "int" }) : null;
  // The page asked for is read beside the count (one round trip on PostgreSQL, not two); only
  // a page past the end, known once counted, is read again as the last one.
  const pageRows = (page: number) =>
    queryAll(
      sql`
    SELECT c."id" AS "conversationId", u."id" AS "teammateId", u."firstName", u."lastName", p."waitingList",
      c."lastMessagePreview" AS "preview", c."lastMessageAt", c."lastInboundAt", c."processed", c."lastInboundSeq",
      c."assigneeId", (SELECT a."firstName" FROM "User" a WHERE a."id" = c."assigneeId") AS "assigneeFirstName",
      (SELECT a."lastName" FROM "User" a WHERE a."id" = c."assigneeId") AS "assigneeLastName"
    ${from}
    ${window(page)}`,
      ROW,
    );
  const [first, total] = await Promise.all([
    pageRows(f.page),
    countRows ? countRows.then((r) => r?.n ?? 0) : Promise.resolve(-1),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(f.page, pages);
  const rows = page === f.page || only ? first : await pageRows(page);
  const counts = new Map(
    (
      await unreadCounts(
        user.id,
        rows.map((r) => r.conversationId),
      )
    ).map((r) => [r.conversationId, r.unread]),
  );
  return {
    total,
    page,
    pages,
    contacts: rows.map((r) => ({
      conversationId: r.conversationId,
      teammateId: r.teammateId,
      firstName: r.firstName,
      lastName: r.lastName,
      waitingList: r.waitingList === true,
      preview: r.preview,
      lastMessageAt: r.lastMessageAt,
      lastInboundAt: r.lastInboundAt,
      processed: r.processed,
      unread: counts.get(r.conversationId) ?? 0,
      assigneeId: r.assigneeId,
      assigneeName: r.assigneeId ? `${r.assigneeFirstName ?? ""} ${r.assigneeLastName ?? ""}`.trim() : null,
    })),
  };
}

/** This user's unread messages in these threads, counted only where the teammate wrote past their read position. */
function unreadCounts(userId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return queryAll(
    sql`
    SELECT c."id" AS "conversationId",
      CASE WHEN c."lastInboundSeq" > ${readSeq(userId)} THEN (SELECT count(*) FROM "Message" m
        WHERE m."conversationId" = c."id" AND m."fromStaff" = false AND m."seq" > ${readSeq(userId)}) ELSE 0 END AS "unread"
    FROM "Conversation" c WHERE c."id" IN (${joinSql(
      ids.map((id) => sql`${id}`),
      ", ",
    )})`,
    { conversationId: "text", unread: "int" },
  );
}

/** What the filter menus offer: the organisation's departments, skills, tags and activities. */
export async function contactFilterOptions(user: SessionUser) {
  requireMessaging(user);
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

/** Every teammate the contact list shows with these filters (all pages): whom an export or a grouped message is for. */
export async function teammateIdsMatching(user: SessionUser, filters: Partial<ContactFilters>): Promise<string[]> {
  requireMessaging(user);
  const f: ContactFilters = { ...contactFiltersSchema.parse({}), ...filters };
  const rows = await queryAll(
    sql`SELECT u."id" ${await viewFrom(user, f)} ORDER BY u."lastName", u."firstName", u."id"`,
    { id: "text" },
  );
  return rows.map((r) => r.id);
}
