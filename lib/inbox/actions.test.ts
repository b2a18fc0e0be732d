import { beforeEach, describe, expect, it, vi } from "vitest";
import { captureLogs } from "@/lib/log";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { cid, makeOrg } from "@/tests/helpers/org";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { sendMessageAction } = await import("@/lib/dispatch/actions");

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe("sendMessageAction", () => {
  beforeEach(() => {
    session.user = null;
  });

  it("sends for staff and for the thread's teammate", async () => {
    const { manager, teammate } = await makeOrg();
    session.user = manager;
    expect(
      await sendMessageAction(null, form({ conversationId: teammate.threadId, body: "Hi", clientId: cid() })),
    ).toMatchObject({ ok: true, seq: 1 });
    session.user = teammate;
    expect(
      await sendMessageAction(null, form({ conversationId: teammate.threadId, body: "Hello", clientId: cid() })),
    ).toMatchObject({ ok: true, seq: 2 });
  });

  it("refuses without a session", async () => {
    const { teammate } = await makeOrg();
    const out = await sendMessageAction(null, form({ conversationId: teammate.threadId, body: "Hi", clientId: cid() }));
    expect(out).toMatchObject({
      ok: false,
      error: "Your session has ended. Please sign in again.",
      values: { body: "Hi" },
    });
  });

  it("refuses another organisation and another teammate as not found, writing nothing", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    session.user = b.admin;
    expect(
      await sendMessageAction(null, form({ conversationId: a.teammate.threadId, body: "x", clientId: cid() })),
    ).toMatchObject({
      ok: false,
      error: "This conversation was not found.",
    });
    session.user = a.teammate2;
    expect(
      await sendMessageAction(null, form({ conversationId: a.teammate.threadId, body: "x", clientId: cid() })),
    ).toMatchObject({ ok: false });
    expect(await db.message.count({ where: { conversationId: a.teammate.threadId } })).toBe(0);
  });

  it("answers bad input with field errors, keeps the draft and writes nothing", async () => {
    const { manager, teammate } = await makeOrg();
    session.user = manager;
    const empty = await sendMessageAction(
      null,
      form({ conversationId: teammate.threadId, body: "   ", clientId: cid() }),
    );
    expect(empty).toMatchObject({ ok: false, fieldErrors: { body: ["Write a message first."] } });
    const long = "a".repeat(4001);
    const tooLong = await sendMessageAction(
      null,
      form({ conversationId: teammate.threadId, body: long, clientId: cid() }),
    );
    expect(tooLong).toMatchObject({
      ok: false,
      fieldErrors: { body: ["Messages are limited to 4,000 characters."] },
      values: { body: long },
    });
    const badId = await sendMessageAction(
      null,
      form({ conversationId: teammate.threadId, body: "ok", clientId: "<script>" }),
    );
    expect(badId).toMatchObject({
      ok: false,
      fieldErrors: { clientId: ["This page is out of date; reload it and try again."] },
    });
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(0);

    // In the language of the user's profile, numbers formatted for it; zod's own English never shows.
    session.user = { ...manager, locale: "fr" };
    const tooLongFr = await sendMessageAction(
      null,
      form({ conversationId: teammate.threadId, body: long, clientId: cid() }),
    );
    expect(tooLongFr).toMatchObject({
      ok: false,
      error: "Veuillez corriger les champs signalés.",
      values: { body: long },
    });
    expect(tooLongFr.ok ? [] : tooLongFr.fieldErrors?.body).toEqual([
      expect.stringMatching(/^Les messages sont limités à 4\s000 caractères\.$/u),
    ]);
    // Called with nothing, null or a number instead of a form: a clear refusal, nothing written.
    for (const nothing of [undefined, null, 7, [1]]) {
      const refused = await sendMessageAction(null, nothing as unknown as FormData);
      expect(refused).toMatchObject({ ok: false, error: "Veuillez corriger les champs signalés." });
    }
    const wrongType = await sendMessageAction(null, { conversationId: teammate.threadId, body: 42, clientId: cid() });
    expect(wrongType).toMatchObject({ ok: false, fieldErrors: { body: ["Cette valeur n'est pas valide."] } });
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(0);
  });

  it("hides unexpected errors behind a generic message", async () => {
    const { manager, teammate } = await makeOrg();
    session.user = { ...manager, id: "deleted-user" };
    const lines: string[] = [];
    captureLogs((line) => void lines.push(line));
    try {
      const out = await sendMessageAction(
        null,
        form({ conversationId: teammate.threadId, body: "x", clientId: cid() }),
      );
      expect(out).toMatchObject({
        ok: false,
        error: expect.stringContaining("Something went wrong"),
        values: { body: "x" },
      });
    } finally {
      captureLogs(null);
    }
    // Logged once, for the operator, with the error itself.
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; err?: { message: string } });
    expect(logged.filter((l) => l.msg === "action failed unexpectedly")).toHaveLength(1);
  });
});

describe("staff-only inbox actions", () => {
  it("refuse a teammate (wrong role) and another organisation, writing nothing", async () => {
    const { markProcessedAction, addNoteAction } = await import("./actions");
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    session.user = a.teammate;
    expect(
      await markProcessedAction(null, form({ conversationId: a.teammate.threadId, processed: "true" })),
    ).toMatchObject({
      ok: false,
      error: "You are not allowed to do this.",
    });
    expect(
      await addNoteAction(null, form({ conversationId: a.teammate.threadId, body: "x", clientId: cid() })),
    ).toMatchObject({ ok: false });
    session.user = b.manager;
    expect(
      await markProcessedAction(null, form({ conversationId: a.teammate.threadId, processed: "true" })),
    ).toMatchObject({
      ok: false,
      error: "This conversation was not found.",
    });
    expect(await db.processedChange.count({ where: { conversationId: a.teammate.threadId } })).toBe(0);
    expect(await db.privateNote.count({ where: { conversationId: a.teammate.threadId } })).toBe(0);
  });

  it("validate their input", async () => {
    const { markProcessedAction } = await import("./actions");
    const { manager, teammate } = await makeOrg();
    session.user = manager;
    expect(
      await markProcessedAction(null, form({ conversationId: teammate.threadId, processed: "maybe" })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { processed: ["Choose processed or not processed."] },
    });
    expect(
      await markProcessedAction(null, form({ conversationId: teammate.threadId, processed: "true" })),
    ).toMatchObject({ ok: true, changed: true });
  });
});
