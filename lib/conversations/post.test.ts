import { describe, expect, it } from "vitest";
import { db, writeTx } from "@/lib/db";
import { addMessage } from "@/lib/seed/factories";
import { appendEvent } from "@/lib/realtime/append";
import { makeOrg } from "@/tests/helpers/org";
import { postMessage } from "./post";

describe("postMessage, the one way to add a message", () => {
  it("works the same inside a Prisma transaction (system messages, factories) as on the hot path", async () => {
    const { org, teammate } = await makeOrg();
    await addMessage(db, {
      organizationId: org.id,
      conversationId: teammate.threadId,
      author: { id: teammate.id, name: "Tess One", staff: false },
      body: "From the phone",
    });
    const system = await writeTx((_tx, ex) =>
      postMessage(ex, {
        organizationId: org.id,
        conversationId: teammate.threadId,
        author: null,
        kind: "SYSTEM",
        body: "Your assignment was deleted.",
      }),
    );
    expect(system?.seq).toBe(2);
    const thread = await db.conversation.findUniqueOrThrow({ where: { id: teammate.threadId } });
    expect(thread).toMatchObject({ lastSeq: 2, lastInboundSeq: 1, lastMessagePreview: "Your assignment was deleted." });
    const rows = await db.message.findMany({
      where: { conversationId: teammate.threadId },
      orderBy: { seq: "asc" },
      select: { seq: true, kind: true, fromStaff: true, authorId: true },
    });
    expect(rows).toEqual([
      { seq: 1, kind: "TEXT", fromStaff: false, authorId: teammate.id },
      { seq: 2, kind: "SYSTEM", fromStaff: true, authorId: null },
    ]);
    const events = await db.event.findMany({
      where: { conversationId: teammate.threadId, type: "message.created" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => (e.payload as unknown as { message: { body: string } }).message.body)).toEqual([
      "From the phone",
      "Your assignment was deleted.",
    ]);
  });

  it("answers null for another organisation's conversation and writes nothing", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    const posted = await writeTx((_tx, ex) =>
      postMessage(ex, {
        organizationId: b.org.id,
        conversationId: a.teammate.threadId,
        author: null,
        kind: "SYSTEM",
        body: "x",
      }),
    );
    expect(posted).toBeNull();
    expect(await db.message.count({ where: { conversationId: a.teammate.threadId } })).toBe(0);
  });

  it("a rolled-back transaction leaves no message and no event", async () => {
    const { org, teammate } = await makeOrg();
    await expect(
      writeTx(async (_tx, ex) => {
        await postMessage(ex, {
          organizationId: org.id,
          conversationId: teammate.threadId,
          author: null,
          kind: "SYSTEM",
          body: "never",
        });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(0);
    expect(await db.event.count({ where: { conversationId: teammate.threadId } })).toBe(0);
  });
});

describe("the event log", () => {
  it("refuses staff-only event types for any audience but staff", async () => {
    const { org, teammate } = await makeOrg();
    const note = {
      id: "n",
      body: "private",
      createdAt: new Date().toISOString(),
      authorId: "max",
      authorName: "Max",
      mentions: [],
    };
    await expect(
      writeTx((_tx, ex) =>
        appendEvent(
          ex,
          "note.created",
          { organizationId: org.id, audience: "MEMBERS", conversationId: teammate.threadId },
          { conversationId: teammate.threadId, note },
        ),
      ),
    ).rejects.toThrow(/may not go to MEMBERS/);
    await expect(
      writeTx((_tx, ex) =>
        appendEvent(
          ex,
          "message.action",
          { organizationId: org.id, audience: "USER", userId: teammate.id },
          { conversationId: teammate.threadId, messageId: "m", action: { kind: "legacy", text: "x" } },
        ),
      ),
    ).rejects.toThrow(/may not go to USER/);
    expect(await db.event.count({ where: { organizationId: org.id } })).toBe(0);
  });
});
