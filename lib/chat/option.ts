import "server-only";
import { db, writeTx } from "@/lib/db";
import { requireAdmin } from "@/lib/auth/authorize";
import { type SessionUser, STAFF_ROLES } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/record";

/** Active employees: accounts not disabled, teammates with an active profile (the seats Chat is priced by). */
async function activeEmployees(organizationId: string): Promise<number> {
  return db.user.count({
    where: {
      organizationId,
      disabledAt: null,
      OR: [{ role: { in: [...STAFF_ROLES] } }, { profile: { active: true } }],
    },
  });
}

export type ChatOption = {
  enabled: boolean;
  enabledAt: Date | null;
  pricePerSeatCents: number;
  seats: number;
  monthlyCents: number;
};

/** The option as Settings shows it: on or off, the price, and this month's estimate. */
export async function chatOption(user: SessionUser): Promise<ChatOption> {
  requireAdmin(user);
  const [org, seats] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: user.organizationId },
      select: { chatEnabled: true, chatEnabledAt: true, chatPricePerSeatCents: true },
    }),
    activeEmployees(user.organizationId),
  ]);
  return {
    enabled: org.chatEnabled,
    enabledAt: org.chatEnabledAt,
    pricePerSeatCents: org.chatPricePerSeatCents,
    seats,
    monthlyCents: seats * org.chatPricePerSeatCents,
  };
}

/** Turns Chat on or off (admins). Off hides it everywhere; its conversations are kept for when it comes back. */
export async function setChatOption(user: SessionUser, enabled: boolean): Promise<void> {
  requireAdmin(user);
  await writeTx(async (tx) => {
    const changed = await tx.organization.updateMany({
      where: { id: user.organizationId, chatEnabled: !enabled },
      data: { chatEnabled: enabled, chatEnabledAt: enabled ? new Date() : null },
    });
    if (changed.count)
      await audit(tx, user, enabled ? "chat.enabled" : "chat.disabled", {
        type: "Organization",
        id: user.organizationId,
      });
  });
}
