import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { requireChat } from "@/lib/chat/access";
import { conversationKind } from "@/lib/conversations/kind";
import { requireInboxThread } from "@/lib/inbox/access";
import { NotFoundError } from "@/lib/errors";
import { isAllowedEndpoint } from "./endpoint";
import { vapidKeys } from "./vapid";
import type { z } from "zod";
import type { muteSchema, pushPreferencesSchema, pushSubscriptionSchema } from "./schemas";

export type PushPreferences = {
  available: boolean;
  publicKey: string | null;
  enabled: boolean;
  quietFrom: number | null;
  quietTo: number | null;
};

export async function pushPreferences(user: SessionUser): Promise<PushPreferences> {
  const u = await db.user.findFirstOrThrow({
    where: { id: user.id, organizationId: user.organizationId },
    select: { pushEnabled: true, quietFrom: true, quietTo: true },
  });
  const keys = vapidKeys();
  return {
    available: Boolean(keys),
    publicKey: keys?.publicKey ?? null,
    enabled: u.pushEnabled,
    quietFrom: u.quietFrom,
    quietTo: u.quietTo,
  };
}

export async function setPushPreferences(
  user: SessionUser,
  input: z.output<typeof pushPreferencesSchema>,
): Promise<void> {
  await db.user.updateMany({
    where: { id: user.id, organizationId: user.organizationId },
    data: {
      pushEnabled: input.enabled,
      quietFrom: input.quiet ? input.quietFrom : null,
      quietTo: input.quiet ? input.quietTo : null,
    },
  });
}

/**
 * This device takes push for this user from now on (the endpoint is unique: a device that
 * changed hands, or signed in as someone else, now belongs to the new user only).
 */
export async function saveSubscription(
  user: SessionUser,
  input: z.output<typeof pushSubscriptionSchema>,
  device: { sessionId: string; userAgent: string | null },
) {
  if (!vapidKeys()) throw new UserError("errors.push.unavailable");
  if (!isAllowedEndpoint(input.endpoint)) throw new UserError("errors.push.badSubscription");
  const data = {
    organizationId: user.organizationId,
    userId: user.id,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    sessionId: device.sessionId || null,
    userAgent: device.userAgent?.slice(0, 300) ?? null,
  };
  await db.pushSubscription.upsert({
    where: { endpoint: input.endpoint },
    create: { endpoint: input.endpoint, ...data },
    update: data,
  });
  if (input.resync) return;
  // Turning push on for a device means wanting it: the account switch follows.
  await db.user.updateMany({
    where: { id: user.id, organizationId: user.organizationId, pushEnabled: false },
    data: { pushEnabled: true },
  });
}

/** This device stops (only the user's own subscription can be removed). */
export async function removeSubscription(user: SessionUser, endpoint: string): Promise<void> {
  await db.pushSubscription.deleteMany({ where: { endpoint, userId: user.id, organizationId: user.organizationId } });
}

/** Whether this user muted this conversation (no push from it; it still counts as unread). */
export async function isMuted(user: SessionUser, conversationId: string): Promise<boolean> {
  if ((await conversationKind(user, conversationId)) === "INBOX" && isStaff(user.role)) {
    const s = await db.staffReadState.findUnique({
      where: { conversationId_userId: { conversationId, userId: user.id } },
      select: { muted: true },
    });
    return Boolean(s?.muted);
  }
  const m = await db.conversationMember.findUnique({
    where: { conversationId_userId: { conversationId, userId: user.id } },
    select: { muted: true },
  });
  return Boolean(m?.muted);
}

export async function setMuted(user: SessionUser, input: z.output<typeof muteSchema>): Promise<void> {
  const kind = await conversationKind(user, input.conversationId);
  if (!kind) throw new NotFoundError("errors.notFound.conversation");
  if (kind === "INBOX") {
    const thread = await requireInboxThread(user, input.conversationId);
    if (isStaff(user.role)) {
      await db.staffReadState.upsert({
        where: { conversationId_userId: { conversationId: thread.id, userId: user.id } },
        create: { conversationId: thread.id, userId: user.id, muted: input.muted },
        update: { muted: input.muted },
      });
      return;
    }
  } else {
    const c = await requireChat(user, input.conversationId);
    // Only a member hears its messages at all; one who has not joined has nothing to mute.
    if (c.standing !== "member") throw new UserError("errors.push.joinFirst");
  }
  await db.conversationMember.updateMany({
    where: { conversationId: input.conversationId, userId: user.id },
    data: { muted: input.muted },
  });
}
