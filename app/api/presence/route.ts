import { createRoute } from "@/lib/api/route";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireMessaging } from "@/lib/auth/authorize";
import { requireInboxThread } from "@/lib/inbox/access";
import { presenceSchema } from "@/lib/realtime/schemas";
import { allowSignal, reportPresence } from "@/lib/realtime/presence";
import { translatorFor } from "@/lib/i18n/translator";

// A staff tab says which inbox thread it has open and whether a reply or a note is being
// typed there (components/presence). Nothing is written: presence lives in memory and on
// the other instances through notifications (lib/realtime/presence.ts).

// Threads found in this organisation lately: the repeat every few seconds need not ask the database again.
const known = new Map<string, number>();
const KNOWN_MS = 60_000;

export const POST = createRoute({ schema: presenceSchema, roles: STAFF_ROLES }, async (input, { user }) => {
  requireMessaging(user);
  if (!allowSignal(user.id))
    return Response.json({ ok: false, error: translatorFor(user.locale)("errors.tooFast") }, { status: 429 });
  if (input.conversationId) {
    const key = `${user.organizationId}:${input.conversationId}`;
    if ((known.get(key) ?? 0) < Date.now()) {
      await requireInboxThread(user, input.conversationId);
      if (known.size > 10_000) known.clear();
      known.set(key, Date.now() + KNOWN_MS);
    }
  }
  reportPresence(user.organizationId, {
    userId: user.id,
    name: `${user.firstName} ${user.lastName}`,
    tab: input.tab,
    conversationId: input.conversationId,
    typing: input.conversationId ? input.typing : null,
  });
  return new Response(null, { status: 204 });
});
