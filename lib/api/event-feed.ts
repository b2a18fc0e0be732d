import "server-only";
import { loadSessionUser, type CurrentSession } from "@/lib/auth/session";
import { hasMessaging, isStaff } from "@/lib/auth/roles";
import { viewerFor } from "@/lib/realtime/hub";
import type { Feed } from "@/lib/realtime/event-stream";
import { resumeSchema } from "@/lib/realtime/schemas";
import { translatorFor } from "@/lib/i18n/translator";
import { negotiate } from "@/lib/i18n/locales";

type Refusal = { status: 400 | 401; body: { ok: false; error: string } };

/**
 * GET /api/events's checks, either way it is served (app/api/events/route.ts, lib/api/node-events.ts):
 * a session that holds, then a valid resume position (a reconnect's Last-Event-ID, or a fresh
 * page's ?after=). Answers the refusal to send, or the feed and where it starts.
 */
export async function openFeed(
  session: CurrentSession | null,
  request: { lastEventId?: string | null; after?: string | null; acceptLanguage?: string | null },
): Promise<Refusal | { feed: Feed; after: number | undefined }> {
  if (!session)
    return {
      status: 401,
      body: { ok: false, error: translatorFor(negotiate(request.acceptLanguage))("errors.sessionEnded") },
    };
  const parsed = resumeSchema.safeParse({ after: request.lastEventId || request.after || undefined });
  if (!parsed.success)
    return { status: 400, body: { ok: false, error: translatorFor(session.user.locale)("errors.staleRequest") } };
  return { feed: await feedFor(session), after: parsed.data.after };
}

/** Who a session's event stream is for. */
async function feedFor(session: CurrentSession): Promise<Feed> {
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
    presence: hasMessaging(user),
    // The session still holds, with the role and access the stream was opened with (a new
    // role needs a new stream: what it may see changed).
    stillHolds: async () => {
      const now = await loadSessionUser(user.id, sessionVersion, sessionId);
      return Boolean(now && now.role === user.role && now.messagingAccess === user.messagingAccess);
    },
  };
}
