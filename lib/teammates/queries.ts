import "server-only";
import { db } from "@/lib/db";
import { requireStaff } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";

export async function listTeammates(user: SessionUser, take = 200) {
  requireStaff(user);
  return db.user.findMany({
    where: { organizationId: user.organizationId, role: "TEAMMATE" },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      phone: true,
      disabledAt: true,
      inboxThread: { select: { id: true } },
      profile: {
        select: {
          waitingList: true,
          smsConsent: true,
          city: true,
          department: { select: { name: true } },
          skills: { select: { name: true } },
          tags: { select: { name: true } },
        },
      },
    },
  });
}
