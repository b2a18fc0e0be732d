import { beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { makeOrg } from "@/tests/helpers/org";
import { presenceNow } from "./presence";

// POST /api/presence: a staff tab's signal. Who may send one, about what, and that it writes nothing.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
const { POST } = await import("@/app/api/presence/route");

const post = (body: unknown) =>
  POST(
    new Request("http://shiftline.test/api/presence", {
      method: "POST",
      headers: { host: "shiftline.test", origin: "http://shiftline.test", "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
const tab = () => randomUUID().replaceAll("-", "");

describe("POST /api/presence", () => {
  beforeEach(() => {
    session.user = null;
  });

  it("puts a manager in the thread and out of it again, writing nothing to the database", async () => {
    const { manager, teammate } = await makeOrg();
    session.user = manager;
    const before = await db.organization.findUniqueOrThrow({ where: { id: manager.organizationId } });
    const events = await db.event.count();
    const t = tab();
    expect((await post({ tab: t, conversationId: teammate.threadId, typing: "reply" })).status).toBe(204);
    expect(presenceNow(manager.organizationId)).toEqual([
      {
        key: `${manager.id}:${t}`,
        userId: manager.id,
        name: `${manager.firstName} ${manager.lastName}`,
        conversationId: teammate.threadId,
        typing: "reply",
      },
    ]);
    expect((await post({ tab: t, conversationId: null })).status).toBe(204);
    expect(presenceNow(manager.organizationId)).toEqual([]);
    const after = await db.organization.findUniqueOrThrow({ where: { id: manager.organizationId } });
    expect(after.eventSeq).toBe(before.eventSeq);
    expect(await db.event.count()).toBe(events);
  });

  it("refuses a teammate, a manager without messaging, another organisation's thread and a bad signal", async () => {
    const { manager, teammate } = await makeOrg();
    const other = await makeOrg("Other");
    session.user = null;
    expect((await post({ tab: tab(), conversationId: teammate.threadId })).status).toBe(401);
    session.user = teammate;
    expect((await post({ tab: tab(), conversationId: teammate.threadId })).status).toBe(403);
    session.user = { ...manager, messagingAccess: false };
    expect((await post({ tab: tab(), conversationId: teammate.threadId })).status).toBe(403);
    session.user = other.manager;
    const foreign = await post({ tab: tab(), conversationId: teammate.threadId });
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as { error: string }).error).toMatch(/not found/);
    session.user = manager;
    const bad = await post({ tab: "x", conversationId: teammate.threadId, typing: "shouting" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      ok: false,
      fieldErrors: { tab: expect.any(Array), typing: expect.any(Array) },
    });
    expect(presenceNow(manager.organizationId)).toEqual([]);
    expect(presenceNow(other.org.id)).toEqual([]);
  });

  it("refuses a tab that signals far more often than a browser does", async () => {
    const { manager, teammate } = await makeOrg();
    session.user = manager;
    const statuses: number[] = [];
    let last: Response | undefined;
    while (statuses.length < 60 && last?.status !== 429) {
      last = await post({ tab: tab(), conversationId: teammate.threadId });
      statuses.push(last.status);
    }
    // The burst first (the positive control), then a refusal, in the user's words.
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(10);
    expect(((await last!.json()) as { error: string }).error).toMatch(/Too many/);
  });
});
