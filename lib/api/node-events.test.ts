import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { authSecret } from "@/lib/auth/secret";
import { revokeSession } from "@/lib/auth/session";
import { cid, makeOrg } from "@/tests/helpers/org";
import { until } from "@/tests/helpers/until";
import { readEvents } from "@/bench/lib/sse";
import { sendInboxMessage } from "@/lib/inbox/send";
import { addPrivateNote } from "@/lib/inbox/notes";
import { latestEventId } from "@/lib/realtime/hub";
import { reportPresence } from "@/lib/realtime/presence";
import { serveEvents } from "./node-events";

// GET /api/events as `npm start` serves it (scripts/server.mjs hands it to serveEvents).

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => void serveEvents(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/events`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A signed-in browser's cookies; the session's id is the token's own (next-auth gives each token one). */
async function signedIn(user: { id: string }) {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  const token = await encode({ token: { sub: user.id, sv: sessionVersion }, secret: authSecret() });
  const { jti } = (await decode({ token, secret: authSecret() }))!;
  return { cookie: `other=1; shiftline.session=${token}`, sessionId: String(jti) };
}
const cookieFor = async (user: { id: string }) => (await signedIn(user)).cookie;

/** An open stream: the logged events it received (type and raw data), apart from presence (staff), and whether it ended. */
async function open(cookie: string, organizationId: string) {
  const controller = new AbortController();
  // From the organisation's newest event, as a page opens it: nothing after is missed, however soon it comes.
  const after = await latestEventId(organizationId);
  const res = await fetch(`${base}?after=${after}`, { headers: { cookie }, signal: controller.signal });
  expect(res.status).toBe(200);
  const got: { type: string; data: string }[] = [];
  const presence: unknown[] = [];
  let ended = false;
  void readEvents(res, (type, data) =>
    type === "presence" ? presence.push(data) : got.push({ type, data: JSON.stringify(data) }),
  ).then(() => (ended = true));
  return {
    res,
    got,
    presence,
    types: () => got.map((e) => e.type),
    ended: () => ended,
    close: () => controller.abort(),
  };
}

describe("the event stream served on the Node response", () => {
  it("refuses a visitor without a session, in their language, and a resume position that is not one", async () => {
    const anonymous = await fetch(base, { headers: { "accept-language": "fr-FR,fr;q=0.9" } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("x-content-type-options")).toBe("nosniff");
    expect(((await anonymous.json()) as { error: string }).error).toMatch(/session/i);
    const forged = await fetch(base, { headers: { cookie: "shiftline.session=not-a-token" } });
    expect(forged.status).toBe(401);

    const { manager } = await makeOrg();
    const bad = await fetch(base, { headers: { cookie: await cookieFor(manager), "last-event-id": "abc" } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { ok: boolean }).ok).toBe(false);
  });

  it("carries each event to whoever may see it: a private note reaches staff, never the teammate", async () => {
    const { manager, teammate } = await makeOrg();
    const staff = await open(await cookieFor(manager), manager.organizationId);
    const phone = await open(await cookieFor(teammate), teammate.organizationId);
    expect(staff.res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(staff.res.headers.get("x-frame-options")).toBe("DENY");

    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "first", clientId: cid() });
    await addPrivateNote(manager, { conversationId: teammate.threadId, body: "secret note", clientId: cid() });
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "answer", clientId: cid() });
    await until(() => staff.types().length === 3 && phone.types().length === 2);

    expect(staff.types()).toEqual(["message.created", "note.created", "message.created"]);
    expect(phone.types()).toEqual(["message.created", "message.created"]); // the answer came after the note
    expect(phone.got.map((e) => e.data).join("")).not.toContain("secret note");
    staff.close();
    phone.close();
  });

  it("resumes after the last event id, and ends when its session is signed out", async () => {
    const { manager, teammate } = await makeOrg();
    const { cookie, sessionId } = await signedIn(manager);
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "one", clientId: cid() });
    const seen = await latestEventId(manager.organizationId);
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "two", clientId: cid() });
    const resumed = await fetch(base, { headers: { cookie, "last-event-id": String(seen) } });
    const reader = resumed.body!.getReader();
    let text = "";
    while (!text.includes('"two"')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).not.toContain('"one"');
    await reader.cancel();

    const stream = await open(cookie, manager.organizationId);
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "three", clientId: cid() });
    await until(() => stream.got.length === 1); // open and listening
    const user = await db.user.findUniqueOrThrow({ where: { id: manager.id } });
    await revokeSession({ sessionId, expiresAt: new Date(Date.now() + 3600_000), user });
    await until(() => stream.ended());
    expect(stream.types()).toEqual(["message.created"]); // "session.ended" is for the stream itself, never forwarded
  });

  it("tells staff who else is in a thread, with the whole picture first; a teammate never hears it", async () => {
    const { manager, manager2, teammate } = await makeOrg();
    const org = manager.organizationId;
    const early = { userId: manager2.id, name: "Nina Early", tab: "tab-early1", conversationId: teammate.threadId };
    reportPresence(org, { ...early, typing: null });
    const staff = await open(await cookieFor(manager), org);
    const phone = await open(await cookieFor(teammate), org);
    await until(() => staff.presence.length === 1);
    expect(staff.presence[0]).toEqual({ all: [expect.objectContaining({ name: "Nina Early" })] });

    reportPresence(org, { ...early, typing: "note" });
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "after", clientId: cid() });
    await until(() => staff.presence.length === 2 && staff.types().length === 1 && phone.types().length === 1);
    expect(staff.presence[1]).toEqual({ set: expect.objectContaining({ typing: "note" }) });
    // The teammate's message came after both presence messages: neither reached the phone.
    expect(phone.types()).toEqual(["message.created"]);
    expect(phone.presence).toEqual([]);
    expect(phone.got.map((e) => e.data).join("")).not.toContain("Nina");
    reportPresence(org, { ...early, conversationId: null, typing: null });
    await until(() => staff.presence.length === 3);
    expect(staff.presence[2]).toEqual({ gone: `${manager2.id}:tab-early1` });
    staff.close();
    phone.close();
  });
});
