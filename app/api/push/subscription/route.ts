import { createRoute } from "@/lib/api/route";
import { getCurrentSession } from "@/lib/auth/session";
import { pushSubscriptionSchema, removeSubscriptionSchema } from "@/lib/push/schemas";
import { removeSubscription, saveSubscription } from "@/lib/push/settings";
import { EVERYONE } from "@/lib/auth/roles";

/** This device accepted push notifications: its subscription (the browser's PushSubscription.toJSON()). */
export const POST = createRoute(
  { schema: pushSubscriptionSchema, roles: EVERYONE },
  async (input, { user }, request) => {
    const session = await getCurrentSession();
    await saveSubscription(user, input, {
      sessionId: session?.sessionId ?? "",
      userAgent: request.headers.get("user-agent"),
    });
    return { saved: true };
  },
);

/** This device turned push off. */
export const DELETE = createRoute({ schema: removeSubscriptionSchema, roles: EVERYONE }, async (input, { user }) => {
  await removeSubscription(user, input.endpoint);
  return { removed: true };
});
