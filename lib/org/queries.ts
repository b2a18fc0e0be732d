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
