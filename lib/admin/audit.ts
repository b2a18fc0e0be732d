import "server-only";
import { db } from "@/lib/db";
import { requireAdmin } from "@/lib/auth/authorize";
import { type SessionUser, STAFF_ROLES } from "@/lib/auth/roles";
import { zonedToUtc } from "@/lib/text/time";
import type { AuditFilters } from "./schemas";

// The audit history, admins only: who changed roles, rights, consent, the Chat option,
// the structure, and the schedule, and when.

const AUDIT_PAGE_SIZE = 50;

const CATEGORIES: Record<NonNullable<AuditFilters["category"]>, string[]> = {
  access: ["user."],
  consent: ["sms.consent."],
  profiles: ["teammate.", "user.invited", "people."],
  chat: ["chat."],
  structure: ["structure.", "organization."],
  schedule: ["assignment.", "unavailability."],
  messaging: ["thread.", "message."],
};

/** The entries these filters select, as a Prisma `where` (shared by the screen and its CSV export). */
export function auditWhere(organizationId: string, f: Omit<AuditFilters, "page">, timeZone: string) {
  return {
    organizationId,
    ...(f.category ? { OR: CATEGORIES[f.category].map((p) => ({ action: { startsWith: p } })) } : {}),
    ...(f.actor ? { actorId: f.actor } : {}),
    ...(f.from || f.to
      ? {
          createdAt: {
            ...(f.from ? { gte: zonedToUtc(`${f.from}T00:00`, timeZone) } : {}),
            ...(f.to ? { lt: new Date(zonedToUtc(`${f.to}T23:59`, timeZone).getTime() + 60_000) } : {}),
          },
        }
      : {}),
  };
}

export async function listAudit(admin: SessionUser, f: AuditFilters, timeZone: string) {
  requireAdmin(admin);
  const where = auditWhere(admin.organizationId, f, timeZone);
  const [entries, total] = await Promise.all([
    db.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (f.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: AUDIT_SELECT,
    }),
    db.auditEntry.count({ where }),
  ]);
  const rows = await auditRows(admin.organizationId, entries);
  return { rows, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

export const AUDIT_SELECT = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  data: true,
  createdAt: true,
  actorId: true,
} as const;
type Entry = {
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  data: unknown;
  createdAt: Date;
  actorId: string | null;
};

/**
 * Entries as the screen and the CSV show them: the actor's and the person concerned's
 * names (one query; `known` keeps names across pages), the item's name, the data parsed.
 */
export async function auditRows(organizationId: string, entries: Entry[], known = new Map<string, string>()) {
  const ids = [...new Set(entries.flatMap((e) => [e.actorId, e.targetType === "User" ? e.targetId : null]))].filter(
    (x): x is string => Boolean(x) && !known.has(x!),
  );
  if (ids.length)
    for (const p of await db.user.findMany({
      where: { id: { in: ids }, organizationId },
      select: { id: true, firstName: true, lastName: true },
    }))
      known.set(p.id, `${p.firstName} ${p.lastName}`);
  return entries.map((e) => {
    const data =
      e.data && typeof e.data === "object" && !Array.isArray(e.data) ? (e.data as Record<string, unknown>) : {};
    return {
      id: e.id,
      action: e.action,
      at: e.createdAt,
      actorId: e.actorId,
      actor: e.actorId ? (known.get(e.actorId) ?? null) : null,
      target:
        e.targetType === "User" ? (known.get(e.targetId) ?? null) : typeof data.name === "string" ? data.name : null,
      data,
      /** A message edited or deleted: its history opens from here. */
      messageId: e.targetType === "Message" ? e.targetId : null,
    };
  });
}

/** The staff who appear as actors, for the filter. */
export async function auditActors(admin: SessionUser) {
  requireAdmin(admin);
  return db.user.findMany({
    where: { organizationId: admin.organizationId, role: { in: [...STAFF_ROLES] } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, firstName: true, lastName: true },
  });
}
