import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { cid, makeOrg } from "@/tests/helpers/org";
import { rawSql } from "@/lib/db/exec";
import { sqlDialect, writeTransaction } from "@/lib/db/sql";
import { onServer } from "@/tests/setup/postgres";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { POST } = await import("@/app/api/conversations/[conversationId]/messages/route");

function post(conversationId: string, body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`http://shiftline.test/api/conversations/${conversationId}/messages`, {
    method: "POST",
    headers: { host: "shiftline.test", "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return POST(request, { params: Promise.resolve({ conversationId }) });
}

describe("POST /api/conversations/:id/messages", () => {
  beforeEach(() => {
    session.user = null;
  });

  it("stores a message once per client id", async () => {
    const { manager, teammate } = await makeOrg();
    session.user = manager;
    const clientId = cid();
    const first = await post(teammate.threadId, { body: "Hi", clientId });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, seq: 1, duplicate: false });
    expect(await (await post(teammate.threadId, { body: "Hi", clientId })).json()).toMatchObject({
      ok: true,
      seq: 1,
      duplicate: true,
    });
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(1);
  });

  it("refuses without a session (401), another organisation and another teammate's thread (404)", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    expect((await post(a.teammate.threadId, { body: "x", clientId: cid() })).status).toBe(401);
    session.user = b.manager;
    expect((await post(a.teammate.threadId, { body: "x", clientId: cid() })).status).toBe(404);
    session.user = a.teammate2;
    const other = await post(a.teammate.threadId, { body: "x", clientId: cid() });
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ ok: false, error: "This conversation was not found." });
    expect(await db.message.count({ where: { conversationId: a.teammate.threadId } })).toBe(0);
  });

  it("answers bad input with 400 and field errors, writing nothing", async () => {
    const { manager, teammate } = await makeOrg();
    session.user = manager;
    const empty = await post(teammate.threadId, { body: " ", clientId: cid() });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ ok: false, fieldErrors: { body: ["Write a message first."] } });
    expect((await post(teammate.threadId, "{not json")).status).toBe(400);
    expect((await post(teammate.threadId, { body: "x".repeat(70_000), clientId: cid() })).status).toBe(413);
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(0);
  });

  it("refuses an oversized body by its declared size, and stops reading one that runs past the limit", async () => {
    const { manager, teammate } = await makeOrg();
    session.user = manager;
    // Declared too large: refused before a byte of the body is read.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024).fill(32));
      },
    });
    const declared = new Request(`http://shiftline.test/api/conversations/${teammate.threadId}/messages`, {
      method: "POST",
      headers: {
        host: "shiftline.test",
        "content-type": "application/json",
        "content-length": String(10 * 1024 * 1024),
      },
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect((await POST(declared, { params: Promise.resolve({ conversationId: teammate.threadId }) })).status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
    // Undeclared and endless: reading stops just past 64 KB.
    pulled = 0;
    const undeclared = new Request(`http://shiftline.test/api/conversations/${teammate.threadId}/messages`, {
      method: "POST",
      headers: { host: "shiftline.test", "content-type": "application/json" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect((await POST(undeclared, { params: Promise.resolve({ conversationId: teammate.threadId }) })).status).toBe(
      413,
    );
    expect(pulled).toBeLessThan(10);
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(0);
  });

  it("answers an address that does not decode with 400", async () => {
    const { manager } = await makeOrg();
    session.user = manager;
    const request = new Request("http://shiftline.test/api/conversations/%ZZ/messages", {
      method: "POST",
      headers: { host: "shiftline.test", "content-type": "application/json" },
      body: JSON.stringify({ body: "x", clientId: cid() }),
    });
    const response = await POST(request, { params: Promise.reject(new URIError("URI malformed")) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: "This page is out of date; reload it and try again." });
  });

  it("refuses a request from another site", async () => {
    const { manager, teammate } = await makeOrg();
    session.user = manager;
    const response = await post(teammate.threadId, { body: "x", clientId: cid() }, { origin: "https://evil.test" });
    expect(response.status).toBe(403);
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(0);
  });
});

describe("when the database cannot store anything", () => {
  /** SQLite: the file may not grow (as on a full disk). PostgreSQL: the database turns read-only. */
  async function storageGone(full: boolean) {
    if (sqlDialect() === "sqlite") {
      await writeTransaction((tx) => tx.all(rawSql(`PRAGMA max_page_count = ${full ? 1 : 1073741823}`), {}));
      return;
    }
    const url = new URL(process.env.DATABASE_URL!);
    const name = url.pathname.slice(1);
    await onServer(process.env.TEST_POSTGRES_URL!, async (c) => {
      await c.query(
        `ALTER DATABASE ${name} ${full ? "SET default_transaction_read_only = on" : "RESET default_transaction_read_only"}`,
      );
      // The app's connections end (they reconnect by themselves), so the change reaches them.
      await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
    });
  }

  /** On PostgreSQL storageGone ends every connection, this test's pooled ones too: the first use of one fails once. */
  const count = async (where: { conversationId: string; body?: string }) => {
    try {
      return await db.message.count({ where });
    } catch {
      return db.message.count({ where });
    }
  };

  it("a send answers 507 with what happened, stores nothing, and works again once there is room, without a restart", async () => {
    const { manager, teammate } = await makeOrg();
    session.user = manager;
    expect((await post(teammate.threadId, { body: "before", clientId: cid() })).status).toBe(200); // positive control
    const before = await count({ conversationId: teammate.threadId });
    await storageGone(true);
    let refused: Response | undefined;
    // A connection the server just ended may answer 503 once; the file may take a few rows into free pages.
    for (let i = 0; i < 200 && !refused; i++) {
      const r = await post(teammate.threadId, { body: `${i} ${"x".repeat(3900)}`, clientId: cid() });
      if (r.status === 507) refused = r;
      else expect([200, 503]).toContain(r.status);
    }
    expect(refused).toBeDefined();
    expect(await refused!.json()).toEqual({
      ok: false,
      error: "Shiftline cannot store anything right now. Your input is kept; try again later.",
    });
    const stored = await count({ conversationId: teammate.threadId });
    expect(stored).toBeGreaterThanOrEqual(before);
    await storageGone(false);
    let status = 0;
    for (let i = 0; i < 5 && status !== 200; i++)
      status = (await post(teammate.threadId, { body: "after", clientId: cid() })).status;
    expect(status).toBe(200);
    expect(await count({ conversationId: teammate.threadId, body: "after" })).toBe(1);
  });
});
