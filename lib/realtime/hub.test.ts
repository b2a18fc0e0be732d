import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { onServer, testPostgres } from "@/tests/setup/postgres";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { until } from "@/tests/helpers/until";
import { cid, makeOrg } from "@/tests/helpers/org";
import { sendInboxMessage } from "@/lib/inbox/send";
import { addPrivateNote } from "@/lib/inbox/notes";
import { setProcessed } from "@/lib/inbox/processed";
import { latestEventId, polledDeliveries, subscribe, viewerFor } from "./hub";
import type { LoggedEvent } from "./visibility";

async function listen(user: SessionUser, after?: number) {
  const got: LoggedEvent[] = [];
  let reloads = 0;
  const viewer = await viewerFor({ id: user.id, organizationId: user.organizationId, isStaff: isStaff(user.role) });
  const stop = await subscribe(
    viewer,
    after,
    (e) => got.push(e),
    () => reloads++,
  );
  return { got, stop, types: () => got.map((e) => e.type), reloads: () => reloads };
}

describe("realtime hub", () => {
  it("delivers new events at once, filtered per recipient", async () => {
    const { manager, teammate, teammate2 } = await makeOrg();
    const staffFeed = await listen(manager);
    const tessFeed = await listen(teammate);
    const theoFeed = await listen(teammate2);

    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "hi", clientId: cid() });
    await addPrivateNote(manager, { conversationId: teammate.threadId, body: "staff only", clientId: cid() });
    await setProcessed(manager, teammate.threadId, true);
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "hello", clientId: cid() });
    await until(() => staffFeed.got.length === 4 && tessFeed.got.length === 2);

    expect(staffFeed.types()).toEqual(["message.created", "note.created", "thread.processed", "message.created"]);
    expect(tessFeed.types()).toEqual(["message.created", "message.created"]);
    expect(JSON.stringify(tessFeed.got)).not.toContain("note");
    expect(theoFeed.got).toEqual([]);
    for (const f of [staffFeed, tessFeed, theoFeed]) f.stop();
  });

  it("resumes after a gap: everything after the last id, nothing twice", async () => {
    const { manager, teammate } = await makeOrg();
    const first = await listen(manager);
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "1", clientId: cid() });
    await until(() => first.got.length === 1);
    const lastSeen = first.got[0]!.id;
    first.stop(); // the connection drops

    for (const body of ["2", "3", "4"])
      await sendInboxMessage(teammate, { conversationId: teammate.threadId, body, clientId: cid() });
    const resumed = await listen(manager, lastSeen);
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "5", clientId: cid() });
    const seqs = () => resumed.got.map((e) => (JSON.parse(e.payload) as { message: { seq: number } }).message.seq);
    // A later message as the positive control: once it is in, a replayed duplicate would have come before it.
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "6", clientId: cid() });
    await until(() => seqs().includes(6));
    expect(seqs()).toEqual([2, 3, 4, 5, 6]);
    expect(new Set(resumed.got.map((e) => e.id)).size).toBe(5);
    resumed.stop();
  });

  it("a fresh page starts at the newest event and misses nothing after it", async () => {
    const { manager, teammate } = await makeOrg();
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "old", clientId: cid() });
    const renderedAt = await latestEventId(manager.organizationId);
    await sendInboxMessage(teammate, {
      conversationId: teammate.threadId,
      body: "between render and connect",
      clientId: cid(),
    });
    const feed = await listen(manager, renderedAt);
    await until(() => feed.got.length === 1);
    expect(JSON.parse(feed.got[0]!.payload)).toMatchObject({ message: { seq: 2, body: "between render and connect" } });
    feed.stop();
  });

  it("never crosses organisations", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    const feedB = await listen(b.manager, 0);
    const feedA = await listen(a.manager, 0);
    await sendInboxMessage(a.teammate, { conversationId: a.teammate.threadId, body: "a", clientId: cid() });
    await until(() => feedA.got.length === 1);
    // B's own message after A's, as the positive control: B's stream hears it, and only it.
    await sendInboxMessage(b.teammate, { conversationId: b.teammate.threadId, body: "b", clientId: cid() });
    await until(() => feedB.got.length === 1);
    expect(
      feedB.got.map((e) => JSON.parse(e.payload) as { message: { body: string } }).map((p) => p.message.body),
    ).toEqual(["b"]);
    expect(feedB.got.every((e) => e.organizationId === b.org.id)).toBe(true);
    feedA.stop();
    feedB.stop();
  });

  it("tells a client that fell further behind than the replay holds to reload, instead of a silent gap", async () => {
    const { org, manager, teammate } = await makeOrg();
    const start = await latestEventId(org.id);
    await db.event.createMany({
      data: Array.from({ length: 2001 }, (_, k) => ({
        organizationId: org.id,
        seq: start + k + 1,
        type: "thread.read",
        audience: "USER" as const,
        userId: teammate.id,
        payload: {},
      })),
    });
    await db.organization.update({ where: { id: org.id }, data: { eventSeq: start + 2001 } });
    const behind = await listen(manager, start);
    expect(behind.reloads()).toBe(1);
    expect(behind.got).toEqual([]);
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "after the gap", clientId: cid() });
    await until(() => behind.got.length === 1);
    expect(behind.types()).toEqual(["message.created"]);
    behind.stop();
  });

  it("tells a client whose position was pruned, or is ahead of the log, to reload", async () => {
    const { org, manager, teammate } = await makeOrg();
    for (const body of ["1", "2", "3"])
      await sendInboxMessage(teammate, { conversationId: teammate.threadId, body, clientId: cid() });
    await db.event.deleteMany({ where: { organizationId: org.id, seq: { lte: 2 } } });
    const pruned = await listen(manager, 0);
    expect(pruned.reloads()).toBe(1);
    expect(pruned.got).toEqual([]);
    pruned.stop();
    const ahead = await listen(manager, 1000);
    expect(ahead.reloads()).toBe(1);
    ahead.stop();
    const current = await listen(manager, 2);
    await until(() => current.got.length === 1);
    expect(current.reloads()).toBe(0);
    current.stop();
  });

  it.skipIf(!testPostgres())(
    "on PostgreSQL, an event committed by another instance arrives by notification, not by the poll",
    async () => {
      const { org, manager, teammate } = await makeOrg();
      const feed = await listen(manager);
      // Another instance: its own connection, the same statement as appendEvent, no wake-up in this process.
      const byPoll = polledDeliveries();
      await onServer(process.env.DATABASE_URL!, async (c) => {
        await c.query("BEGIN");
        const { rows } = await c.query<{ eventSeq: string }>(
          `UPDATE "Organization" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = $1 RETURNING "eventSeq"`,
          [org.id],
        );
        await c.query(
          `INSERT INTO "Event" ("organizationId", "seq", "type", "audience", "conversationId", "payload") VALUES ($1, $2, 'thread.read', 'STAFF', $3, '{}'::jsonb)`,
          [org.id, rows[0]!.eventSeq, teammate.threadId],
        );
        await c.query("SELECT pg_notify('shiftline_events', $1)", [org.id]);
        await c.query("COMMIT");
      });
      await until(() => feed.got.length === 1, 20_000);
      // The safety poll (every 15 s) delivered nothing: the notification did.
      expect(polledDeliveries()).toBe(byPoll);
      feed.stop();
    },
  );
});
