import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";

export const getOrganization = cache(async (user: SessionUser) =>
  db.organization.findUniqueOrThrow({
    where: { id: user.organizationId },
    select: {
      id: true,
      name: true,
      timeZone: true,
      chatEnabled: true,
      chatEnabledAt: true,
      chatPricePerSeatCents: true,
      editWindowMinutes: true,
    },
  }),
);

/** What a conversation's reader may change (components/thread/message-list.tsx): admins delete anyone's message. */
export const reviseRights = (user: SessionUser, org: { editWindowMinutes: number }) => ({
  admin: user.role === "ADMIN",
  editWindowMinutes: org.editWindowMinutes,
});

/** The departments offered for new use (archived ones are kept for what refers to them, not offered). */
export async function listDepartments(user: SessionUser) {
  return db.department.findMany({
    where: { organizationId: user.organizationId, archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
