import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { cid, makeOrg } from "@/tests/helpers/org";
import { sendInboxMessage } from "./send";

describe("sendInboxMessage", () => {
  it("numbers messages per thread and summarises the thread", async () => {
    const { manager, teammate } = await makeOrg();
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "Hello  there\nTess", clientId: cid() });
    const second = await sendInboxMessage(teammate, {
      conversationId: teammate.threadId,
      body: "Hi!",
      clientId: cid(),
    });
    expect(second.message.seq).toBe(2);
    const thread = await db.conversation.findUniqueOrThrow({ where: { id: teammate.threadId } });
    expect(thread).toMatchObject({ lastSeq: 2, lastInboundSeq: 2, lastMessagePreview: "Hi!" });
    const first = await db.message.findFirstOrThrow({ where: { conversationId: teammate.threadId, seq: 1 } });
    expect(first).toMatchObject({ fromStaff: true, authorId: manager.id, body: "Hello  there\nTess" });
  });

  it("stores a retried send once", async () => {
    const { manager, teammate } = await makeOrg();
    const clientId = cid();
    const a = await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "Once", clientId });
    const b = await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "Once", clientId });
    expect(b).toEqual({ message: a.message, duplicate: true });
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(1);
    expect(await db.event.count({ where: { conversationId: teammate.threadId, type: "message.created" } })).toBe(1);
  });

  it("a teammate's new message makes a processed thread not processed, with history", async () => {
    const { manager, teammate } = await makeOrg();
    await db.conversation.update({
      where: { id: teammate.threadId },
      data: { processed: true, processedAt: new Date(), processedById: manager.id },
    });
    await sendInboxMessage(manager, {
      conversationId: teammate.threadId,
      body: "Staff reply keeps it processed",
      clientId: cid(),
    });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: teammate.threadId } })).processed).toBe(true);

    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "One more question", clientId: cid() });
    const thread = await db.conversation.findUniqueOrThrow({ where: { id: teammate.threadId } });
    expect(thread).toMatchObject({ processed: false, processedById: null, processedAt: null });
    const history = await db.processedChange.findMany({ where: { conversationId: teammate.threadId } });
    expect(history).toMatchObject([{ processed: false, byId: null }]);
    const events = await db.event.findMany({ where: { conversationId: teammate.threadId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.audience])).toEqual([
      ["message.created", "MEMBERS"],
      ["thread.processed", "STAFF"],
      ["message.created", "MEMBERS"],
    ]);
  });

  it("moves the sender's own read position", async () => {
    const { manager, teammate } = await makeOrg();
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "a", clientId: cid() });
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "b", clientId: cid() });
    expect(
      (
        await db.staffReadState.findUniqueOrThrow({
          where: { conversationId_userId: { conversationId: teammate.threadId, userId: manager.id } },
        })
      ).lastReadSeq,
    ).toBe(1);
    expect(
      (
        await db.conversationMember.findUniqueOrThrow({
          where: { conversationId_userId: { conversationId: teammate.threadId, userId: teammate.id } },
        })
      ).lastReadSeq,
    ).toBe(2);
  });

  it("refuses another organisation's thread and another teammate's thread as not found, writing nothing", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    await expect(
      sendInboxMessage(b.manager, { conversationId: a.teammate.threadId, body: "x", clientId: cid() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      sendInboxMessage(a.teammate2, { conversationId: a.teammate.threadId, body: "x", clientId: cid() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.message.count({ where: { conversationId: a.teammate.threadId } })).toBe(0);
  });
});
