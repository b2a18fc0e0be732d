import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { authSecret } from "@/lib/auth/secret";
import { cid, makeOrg } from "@/tests/helpers/org";
import { nodeSendRoute } from "@/lib/dispatch/send-route";
import { serveFromNode } from "./node-routes";

// POST /api/conversations/:id/messages as `npm start` serves it (scripts/server.mjs asks
// serveFromNode first): the same checks and answers as the Next.js route (route.test.ts).

let server: Server;
let port = 0;
let passed: string[] = []; // what serveFromNode left to Next.js
beforeAll(async () => {
  const serve = serveFromNode([nodeSendRoute]);
  server = createServer((req, res) => {
    if (serve(req, res)) return;
    passed.push(`${req.method} ${req.url}`);
    res.writeHead(418).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function cookieFor(user: { id: string }) {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  return `other=1; shiftline.session=${await encode({ token: { sub: user.id, sv: sessionVersion }, secret: authSecret() })}`;
}

const base = () => `http://127.0.0.1:${port}`;
function post(conversationId: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base()}/api/conversations/${encodeURIComponent(conversationId)}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("sending a message on the Node server's response", () => {
  it("stores a message once per client id, with the security headers", async () => {
    const { manager, teammate } = await makeOrg();
    const cookie = await cookieFor(manager);
    const clientId = cid();
    const first = await post(teammate.threadId, { body: "Hi", clientId }, { cookie });
    expect(first.status).toBe(200);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(await first.json()).toMatchObject({ ok: true, seq: 1, duplicate: false, message: { body: "Hi" } });
    expect(await (await post(teammate.threadId, { body: "Hi", clientId }, { cookie })).json()).toMatchObject({
      ok: true,
      seq: 1,
      duplicate: true,
    });
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(1);
  });

  it("refuses without a session (401, in the caller's language), another organisation and another teammate's thread (404)", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    const anonymous = await post(a.teammate.threadId, { body: "x", clientId: cid() }, { "accept-language": "fr-FR" });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      ok: false,
      error: "Votre session a pris fin. Veuillez vous reconnecter.",
    });
    const forged = await post(a.teammate.threadId, { body: "x", clientId: cid() }, { cookie: "shiftline.session=x" });
    expect(forged.status).toBe(401);
    const other = await post(
      a.teammate.threadId,
      { body: "x", clientId: cid() },
      { cookie: await cookieFor(b.manager) },
    );
    expect(other.status).toBe(404);
    const neighbour = await post(
      a.teammate.threadId,
      { body: "x", clientId: cid() },
      { cookie: await cookieFor(a.teammate2) },
    );
    expect(neighbour.status).toBe(404);
    expect(await neighbour.json()).toEqual({ ok: false, error: "This conversation was not found." });
    expect(await db.message.count({ where: { conversationId: a.teammate.threadId } })).toBe(0);
  });

  it("answers bad input with 400 and field errors, and a request from another site with 403, writing nothing", async () => {
    const { manager, teammate } = await makeOrg();
    const cookie = await cookieFor(manager);
    const empty = await post(teammate.threadId, { body: " ", clientId: cid() }, { cookie });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ ok: false, fieldErrors: { body: ["Write a message first."] } });
    const garbled = await post(teammate.threadId, "{not json", { cookie });
    expect(garbled.status).toBe(400);
    expect(await garbled.json()).toMatchObject({ ok: false });
    const evil = await post(teammate.threadId, { body: "x", clientId: cid() }, { cookie, origin: "https://evil.test" });
    expect(evil.status).toBe(403);
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(0);
  });

  it("refuses an oversized body by its declared size, and stops reading one that runs past 64 KB", async () => {
    const { manager, teammate } = await makeOrg();
    const cookie = await cookieFor(manager);
    expect((await post(teammate.threadId, { body: "x".repeat(70_000), clientId: cid() }, { cookie })).status).toBe(413);
    // No declared size, and a body that never ends: answered once 64 KB have come, the rest unread.
    const endless = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = httpRequest(
        {
          port,
          host: "127.0.0.1",
          method: "POST",
          path: `/api/conversations/${encodeURIComponent(teammate.threadId)}/messages`,
          headers: { cookie, "content-type": "application/json", "transfer-encoding": "chunked" },
        },
        (res) => {
          resolve({ status: res.statusCode ?? 0, sent });
          req.destroy();
        },
      );
      req.on("error", (e) => (sent > 0 ? undefined : reject(e)));
      const chunk = Buffer.alloc(16 * 1024, 32);
      const pump = () => {
        while (!req.destroyed && sent < 10 * 1024 * 1024 && req.write(chunk)) sent += chunk.length;
        if (!req.destroyed && sent < 10 * 1024 * 1024) req.once("drain", pump);
      };
      pump();
    });
    expect(endless.status).toBe(413);
    expect(endless.sent).toBeLessThan(10 * 1024 * 1024);
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(0);
  });

  it("leaves every other request, and an address that does not decode, to Next.js", async () => {
    passed = [];
    const { manager } = await makeOrg();
    const cookie = await cookieFor(manager);
    await fetch(`${base()}/api/conversations/%ZZ/messages`, { method: "POST", headers: { cookie }, body: "{}" });
    await fetch(`${base()}/api/conversations/c1/messages?before=3`, { headers: { cookie } });
    await fetch(`${base()}/api/conversations/c1/read`, { method: "POST", headers: { cookie }, body: "{}" });
    expect(passed).toEqual([
      "POST /api/conversations/%ZZ/messages",
      "GET /api/conversations/c1/messages?before=3",
      "POST /api/conversations/c1/read",
    ]);
  });
});
