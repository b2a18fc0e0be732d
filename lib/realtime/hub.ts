import "server-only";
import { db } from "@/lib/db";
import { queryAll, queryOne, sql } from "@/lib/db/sql";
import { listenForWakeups, notificationsHealthy } from "@/lib/db/notify";
import { signal } from "./signal";
import { canSee, follow, type LoggedEvent, type Viewer } from "./visibility";
import { log } from "@/lib/log";

// Finds events written by other server instances: every second on SQLite; on
// PostgreSQL their notifications wake the readers, and the poll is only a safety net.
const POLL_MS = 1000;
const SAFETY_POLL_MS = 15_000;
const BATCH = 500;
const BACKLOG_LIMIT = 2000;
// A round that wrote to this many streams (a busy public conversation) makes the next
// wake-up within COALESCE_MS wait for the rest of that window: a burst then reaches each
// stream as one chunk per window rather than one per message. Quiet feeds read at once.
const WIDE_FANOUT = 500;
const COALESCE_MS = 250;

type Client = {
  viewer: Viewer;
  lastId: number;
  pending: LoggedEvent[] | null;
  send: (e: LoggedEvent) => void;
  flush?: () => void;
};

// Reads through the SQL executor: with many listeners these run on every wake-up.
const newEvents = (organizationId: string, after: number, upTo: number, limit: number) =>
  queryAll(
    sql`SELECT "seq" AS "id", "organizationId", "type", "audience", "conversationId", "userId", "departmentId", CAST("payload" AS TEXT) AS "payload"
    FROM "Event" WHERE "organizationId" = ${organizationId} AND "seq" > ${after} AND "seq" <= ${upTo} ORDER BY "seq" LIMIT ${limit}`,
    EVENT_ROW,
  ).then((rows) => rows.map((r): LoggedEvent => ({ ...r, audience: r.audience as LoggedEvent["audience"] })));

const EVENT_ROW = {
  id: "int",
  organizationId: "text",
  type: "text",
  audience: "text",
  conversationId: "text?",
  userId: "text?",
  departmentId: "text?",
  payload: "text",
} as const;

/** The newest event of an organisation (its committed sequence number): where a freshly rendered page starts listening. */
export async function latestEventId(organizationId: string): Promise<number> {
  return (
    (await queryOne(sql`SELECT "eventSeq" AS "id" FROM "Organization" WHERE "id" = ${organizationId}`, { id: "int" }))
      ?.id ?? 0
  );
}

/**
 * Events are read by their organisation's sequence number, which each event takes
 * in its writing transaction while holding the organisation's row: they commit in
 * sequence order on SQLite and PostgreSQL alike, without gaps, so "seq > cursor"
 * misses nothing and sends nothing twice.
 *
 * One reader per organisation and process: a wake-up or the poll timer runs one
 * query for new events, then each connected client gets those it may see, in
 * order, each once.
 */
class OrgFeed {
  clients = new Set<Client>();
  cursor = 0;
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  ready: Promise<void>;

  private lastPoll = 0;
  private lastFanout = 0;
  private coalescing: NodeJS.Timeout | undefined;

  constructor(readonly organizationId: string) {
    this.ready = latestEventId(organizationId).then((id) => {
      this.cursor = Math.max(this.cursor, id);
    });
    this.timer = setInterval(() => {
      if (Date.now() - this.lastPoll >= (notificationsHealthy() ? SAFETY_POLL_MS : POLL_MS) - 50) void this.poll(true);
    }, POLL_MS);
    this.timer.unref?.();
  }

  /** A commit was signalled: read now, or at the end of the window after a wide round. */
  wake(): void {
    const wait = this.lastFanout >= WIDE_FANOUT ? this.lastPoll + COALESCE_MS - Date.now() : 0;
    if (wait <= 0) return void this.poll();
    this.coalescing ??= setTimeout(() => {
      this.coalescing = undefined;
      void this.poll();
    }, wait);
  }

  async poll(byTimer = false): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.lastPoll = Date.now();
    try {
      await this.ready;
      do {
        this.again = false;
        const rows = await newEvents(this.organizationId, this.cursor, Number.MAX_SAFE_INTEGER, BATCH);
        if (rows.length === 0) break;
        this.cursor = rows[rows.length - 1]!.id;
        let fanout = 0;
        for (const client of this.clients) fanout += deliver(client, rows);
        this.lastFanout = fanout;
        if (byTimer) stats.polledDeliveries += rows.length;
        if (rows.length === BATCH) this.again = true;
      } while (this.again);
    } catch (error) {
      log.error({ err: error }, "event log read failed");
    } finally {
      this.running = false;
    }
  }

  close() {
    clearInterval(this.timer);
    clearTimeout(this.coalescing);
  }
}

/** Hands a client the rows it may see, in order; `flush` then lets it write them as one chunk. Returns how many it got. */
function deliver(client: Client, rows: LoggedEvent[]): number {
  let sent = 0;
  for (const e of rows) {
    if (e.id <= client.lastId) continue;
    if (client.pending) {
      client.pending.push(e);
      continue;
    }
    client.lastId = e.id;
    const visible = canSee(e, client.viewer);
    follow(e, client.viewer);
    if (visible) {
      client.send(e);
      sent++;
    }
  }
  client.flush?.();
  return sent;
}

const stats = { polledDeliveries: 0 };

/** Events this process found by its timer rather than by a wake-up (tests: a notification, not the poll, delivered). */
export const polledDeliveries = () => stats.polledDeliveries;

const g = globalThis as unknown as { shiftlineFeeds?: Map<string, OrgFeed>; shiftlineWakeBound?: boolean };
const feeds = (g.shiftlineFeeds ??= new Map<string, OrgFeed>());
if (!g.shiftlineWakeBound) {
  g.shiftlineWakeBound = true;
  signal.on("wake", (organizationId: string) => feeds.get(organizationId)?.wake());
  listenForWakeups(
    (organizationId) => feeds.get(organizationId)?.wake(),
    () => {
      for (const feed of feeds.values()) void feed.poll();
    },
  );
}

/**
 * Streams the events a viewer may see. With `afterId` (a reconnecting client's
 * last event id), first replays what it missed; without it, starts from now.
 * When more was missed than the replay holds, `reload` is called instead: the
 * client must re-sync in full rather than live with a silent gap. After each round of
 * events, `flush` (if given) is called: a stream writes what `send` collected at once,
 * one chunk per round rather than one per event (a busy public conversation reaches a
 * thousand streams for each message).
 * Returns the function that unsubscribes.
 */
export async function subscribe(
  viewer: Viewer,
  afterId: number | undefined,
  send: (e: LoggedEvent) => void,
  reload: () => void = () => {},
  flush?: () => void,
): Promise<() => void> {
  let feed = feeds.get(viewer.organizationId);
  if (!feed) {
    feed = new OrgFeed(viewer.organizationId);
    feeds.set(viewer.organizationId, feed);
  }
  await feed.ready;
  const client: Client = { viewer, lastId: afterId ?? feed.cursor, pending: [], send, flush };
  feed.clients.add(client);
  try {
    if (afterId !== undefined && afterId < feed.cursor) {
      const missed = await newEvents(viewer.organizationId, afterId, feed.cursor, BACKLOG_LIMIT);
      const queued = client.pending!;
      client.pending = null;
      // Too far behind to replay, or behind events already pruned (sequence numbers have no gaps).
      const pruned = missed.length > 0 && missed[0]!.id !== afterId + 1;
      if (missed.length === BACKLOG_LIMIT || pruned) {
        client.lastId = feed.cursor;
        reload();
      } else deliver(client, missed);
      deliver(client, queued);
    } else {
      // Ahead of the log: it was reset (a restored backup, a migration). Start from now.
      if (afterId !== undefined && afterId > feed.cursor) {
        client.lastId = feed.cursor;
        reload();
      }
      const queued = client.pending!;
      client.pending = null;
      deliver(client, queued);
    }
  } catch (error) {
    feed.clients.delete(client);
    throw error;
  }
  const f = feed;
  return () => {
    f.clients.delete(client);
    if (f.clients.size === 0 && feeds.get(f.organizationId) === f) {
      f.close();
      feeds.delete(f.organizationId);
    }
  };
}

/** What a user is a member of (and has left), and a teammate's department, for event filtering. */
export async function viewerFor(user: {
  id: string;
  organizationId: string;
  isStaff: boolean;
  messaging?: boolean;
}): Promise<Viewer> {
  const [memberships, profile, org] = await Promise.all([
    db.conversationMember.findMany({
      where: { userId: user.id, conversation: { organizationId: user.organizationId, deletedAt: null } },
      select: { conversationId: true, leftAt: true },
    }),
    user.isStaff
      ? null
      : db.teammateProfile.findUnique({ where: { userId: user.id }, select: { departmentId: true, active: true } }),
    db.organization.findUnique({ where: { id: user.organizationId }, select: { chatEnabled: true } }),
  ]);
  return {
    userId: user.id,
    organizationId: user.organizationId,
    isStaff: user.isStaff,
    messaging: user.messaging ?? user.isStaff,
    memberOf: new Set(memberships.filter((m) => !m.leftAt).map((m) => m.conversationId)),
    left: new Set(memberships.filter((m) => m.leftAt).map((m) => m.conversationId)),
    departmentId: profile?.active ? profile.departmentId : null,
    chat: Boolean(org?.chatEnabled),
  };
}
