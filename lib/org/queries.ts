import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";

export const getOrganization = cache(async (user: SessionUser) =>
  db.organization.findUniqueOrThrow({
    where: { id: user.organizationId },
    select: { id: true, name: true, timeZone: true, chatEnabled: true, chatEnabledAt: true, chatPricePerSeatCents: true },
  }),
);

export async function listDepartments(user: SessionUser) {
  return db.department.findMany({ where: { organizationId: user.organizationId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
