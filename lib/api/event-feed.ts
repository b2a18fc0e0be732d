import "server-only";
import { loadSessionUser, type CurrentSession } from "@/lib/auth/session";
import { hasMessaging, isStaff } from "@/lib/auth/roles";
import { viewerFor } from "@/lib/realtime/hub";
import type { Feed } from "@/lib/realtime/event-stream";

/** Who a session's event stream is for (GET /api/events, either way it is served). */
export async function feedFor(session: CurrentSession): Promise<Feed> {
  const { user, sessionVersion, sessionId } = session;
  return {
    viewer: await viewerFor({
      id: user.id,
      organizationId: user.organizationId,
      isStaff: isStaff(user.role),
      messaging: hasMessaging(user),
    }),
    sessionId,
    staff: isStaff(user.role),
    // The session still holds, with the role and access the stream was opened with (a new
    // role needs a new stream: what it may see changed).
    stillHolds: async () => {
      const now = await loadSessionUser(user.id, sessionVersion, sessionId);
      return Boolean(now && now.role === user.role && now.messagingAccess === user.messagingAccess);
    },
  };
}
