import "server-only";
import { db } from "@/lib/db";
import { requireStaff } from "@/lib/auth/authorize";
import { NotFoundError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { shiftSelect } from "@/lib/schedule/queries";
import { EMPTY_SQL, joinSql, queryAll, queryOne, sql } from "@/lib/db/sql";
import { containsPattern, foldSql } from "@/lib/text/fold";
import type { PeopleFilters } from "./schemas";

const basics = { id: true, firstName: true, lastName: true, email: true, phone: true } as const;
const labels = {
  department: { select: { name: true } },
  skills: { select: { name: true } },
  tags: { select: { name: true } },
} as const;

export const PEOPLE_PAGE_SIZE = 50;

/**
 * The people directory, a page at a time (at 10,000 people: one ordered page of ids
 * and a count, in SQL, then those 50 rows). Search ignores case and accents, as the
 * inbox's. Managers see teammates; admins everyone, staff included.
 */
export async function listPeople(user: SessionUser, f: PeopleFilters) {
  requireStaff(user);
  const where = [sql`u."organizationId" = ${user.organizationId}`];
  const role = user.role === "ADMIN" ? f.role : "TEAMMATE";
  if (role) where.push(sql`u."role" = ${role}`);
  if (f.status !== "all")
    where.push(f.status === "disabled" ? sql`u."disabledAt" IS NOT NULL` : sql`u."disabledAt" IS NULL`);
  if (f.department) where.push(sql`p."departmentId" = ${f.department}`);
  const words = (f.q ?? "").split(/\s+/).filter(Boolean).slice(0, 4);
  // One folded text per person (names and e-mail), computed once whatever the number of words.
  const text = words.length
    ? sql`, ${foldSql(sql`u."firstName" || ' ' || u."lastName" || ' ' || u."email"`)} AS "text"`
    : EMPTY_SQL;
  const matching = words.length
    ? sql` WHERE ${joinSql(
        words.map((w) => sql`s."text" LIKE ${containsPattern(w)} ESCAPE '\\'`),
        " AND ",
      )}`
    : EMPTY_SQL;
  const from = sql`FROM (SELECT u."id", u."lastName", u."firstName"${text} FROM "User" u LEFT JOIN "TeammateProfile" p ON p."userId" = u."id"
    WHERE ${joinSql(where, " AND ")}) s${matching}`;
  // The page and the count in one pass; past the last page, the count alone.
  const page = await queryAll(
    sql`SELECT s."id", COUNT(*) OVER () AS "total" ${from} ORDER BY s."lastName", s."firstName", s."id" LIMIT ${PEOPLE_PAGE_SIZE} OFFSET ${(f.page - 1) * PEOPLE_PAGE_SIZE}`,
    { id: "text", total: "int" },
  );
  const count =
    page.length || f.page === 1
      ? { n: page[0]?.total ?? 0 }
      : await queryOne(sql`SELECT COUNT(*) AS "n" ${from}`, { n: "int" });
  const ids = page.map((r) => r.id);
  const rows = ids.length
    ? await db.user.findMany({
        where: { id: { in: ids } },
        select: {
          ...basics,
          role: true,
          disabledAt: true,
          profile: { select: { waitingList: true, smsConsent: true, city: true, ...labels } },
        },
      })
    : [];
  const people = rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  const total = count?.n ?? 0;
  return { people, total, pages: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)) };
}

/** The teammate page: profile, upcoming assignments and unavailability periods. */
export async function teammateDetails(user: SessionUser, teammateId: string) {
  requireStaff(user);
  const teammate = await db.user.findFirst({
    where: { id: teammateId, organizationId: user.organizationId, role: "TEAMMATE" },
    select: {
      ...basics,
      inboxThread: { select: { id: true } },
      profile: {
        select: {
          street: true,
          city: true,
          postcode: true,
          smsConsent: true,
          waitingList: true,
          groups: { select: { name: true } },
          ...labels,
        },
      },
      assignments: {
        where: { deletedAt: null, shift: { endsAt: { gt: new Date() } } },
        orderBy: { shift: { startsAt: "asc" } },
        take: 30,
        select: { shift: { select: shiftSelect } },
      },
      unavailability: {
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, reason: true },
      },
    },
  });
  if (!teammate) throw new NotFoundError("errors.notFound.teammate");
  return teammate;
}
