import "server-only";
import { db } from "@/lib/db";
import { requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";

/** The organisation's latest SMS copies, for the outbox page (staff wrote them; teammates never see this). */
export async function listSmsOutbox(user: SessionUser, take = 50) {
  requireMessaging(user);
  return db.smsDelivery.findMany({
    where: { organizationId: user.organizationId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, toPhone: true, body: true, status: true, provider: true, error: true, createdAt: true },
  });
}
