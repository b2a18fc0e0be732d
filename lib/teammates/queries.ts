import "server-only";
import { db } from "@/lib/db";
import { requireStaff } from "@/lib/auth/authorize";
import { NotFoundError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { shiftSelect } from "@/lib/schedule/queries";

const basics = { id: true, firstName: true, lastName: true, email: true, phone: true } as const;
const labels = { department: { select: { name: true } }, skills: { select: { name: true } }, tags: { select: { name: true } } } as const;

export async function listTeammates(user: SessionUser, take = 200) {
  requireStaff(user);
  return db.user.findMany({
    where: { organizationId: user.organizationId, role: "TEAMMATE" },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take,
    select: { ...basics, disabledAt: true, profile: { select: { waitingList: true, smsConsent: true, city: true, ...labels } } },
  });
}

/** The teammate page: profile, upcoming assignments and unavailability periods. */
export async function teammateDetails(user: SessionUser, teammateId: string) {
  requireStaff(user);
  const teammate = await db.user.findFirst({
    where: { id: teammateId, organizationId: user.organizationId, role: "TEAMMATE" },
    select: {
      ...basics,
      inboxThread: { select: { id: true } },
      profile: { select: { street: true, city: true, postcode: true, smsConsent: true, waitingList: true, groups: { select: { name: true } }, ...labels } },
      assignments: {
        where: { deletedAt: null, shift: { endsAt: { gt: new Date() } } },
        orderBy: { shift: { startsAt: "asc" } },
        take: 30,
        select: { shift: { select: shiftSelect } },
      },
      unavailability: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true, reason: true } },
    },
  });
  if (!teammate) throw new NotFoundError("errors.notFound.teammate");
  return teammate;
}
