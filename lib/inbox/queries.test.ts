import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { cid, makeOrg } from "@/tests/helpers/org";
import { earlierMessages, getStaffThread, getTeammateThread, teammateUnreadCount } from "./queries";
import { db } from "@/lib/db";
import { addMessage } from "@/lib/seed/factories";
import { listInboxContacts } from "./contacts";
import { markThreadRead } from "./read";
import { sendInboxMessage } from "./send";

describe("inbox queries", () => {
  it("lists the organisation's teammates, newest first, with each staff user's own unread count", async () => {
    const { manager, manager2, teammate, teammate2 } = await makeOrg();
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "first", clientId: cid() });
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "second", clientId: cid() });
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "reply", clientId: cid() });
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "third", clientId: cid() });

    const list = (await listInboxContacts(manager)).contacts;
    expect(list.map((c) => c.conversationId)).toEqual([teammate.threadId, teammate2.threadId]);
    // The manager replied after two messages, so one is unread for them; all three for the other manager.
    expect(list[0]).toMatchObject({ firstName: "Tess", preview: "third", unread: 1, processed: false });
    expect((await listInboxContacts(manager2)).contacts[0]!.unread).toBe(3);

    await markThreadRead(manager2, teammate.threadId, 4);
    expect((await listInboxContacts(manager2)).contacts[0]!.unread).toBe(0);
    expect((await listInboxContacts(manager)).contacts[0]!.unread).toBe(1);
  });

  it("never lists another organisation's teammates", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    const ids = (await listInboxContacts(b.manager)).contacts.map((c) => c.conversationId);
    expect(ids).not.toContain(a.teammate.threadId);
    await expect(getStaffThread(b.manager, a.teammate.threadId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("teammates cannot read the contact list or staff views", async () => {
    const { teammate } = await makeOrg();
    await expect(listInboxContacts(teammate)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getStaffThread(teammate, teammate.threadId)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a teammate reads their own thread only", async () => {
    const { manager, teammate, teammate2 } = await makeOrg();
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "for Tess", clientId: cid() });
    const own = await getTeammateThread(teammate, teammate.threadId);
    expect(own.messages.map((m) => m.body)).toEqual(["for Tess"]);
    await expect(getTeammateThread(teammate2, teammate.threadId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("pages back through a long thread, with the notes of each stretch for staff only", async () => {
    const { org, manager, teammate, teammate2 } = await makeOrg();
    const b = await makeOrg("B");
    const base = Date.parse("2026-11-01T08:00:00Z");
    const author = { id: teammate.id, name: "Tess One", staff: false };
    for (let i = 1; i <= 65; i++) {
      await addMessage(db, {
        organizationId: org.id,
        conversationId: teammate.threadId,
        author,
        body: `m${i}`,
        createdAt: new Date(base + i * 60_000),
      });
      // A note after messages 10 and 50: one in the oldest page, one in the newest.
      if (i === 10 || i === 50)
        await db.privateNote.create({
          data: {
            organizationId: org.id,
            conversationId: teammate.threadId,
            authorId: manager.id,
            body: `note after m${i}`,
            clientId: cid(),
            createdAt: new Date(base + i * 60_000 + 1),
          },
        });
    }
    const newest = await getStaffThread(manager, teammate.threadId);
    expect(newest.messages.map((m) => m.body).slice(0, 1)).toEqual(["m41"]);
    expect(newest).toMatchObject({ hasEarlier: true });
    const middle = await earlierMessages(manager, teammate.threadId, newest.messages[0]!.seq);
    expect([middle.messages[0]!.body, middle.messages.at(-1)!.body, middle.hasEarlier]).toEqual(["m16", "m40", true]);
    expect(middle.notes).toEqual([]);
    const oldest = await earlierMessages(manager, teammate.threadId, middle.messages[0]!.seq);
    expect([oldest.messages.length, oldest.messages[0]!.body, oldest.hasEarlier]).toEqual([15, "m1", false]);
    expect(oldest.notes.map((n) => n.body)).toEqual(["note after m10"]);

    // The teammate pages back through their own thread, without notes; nobody else can.
    const own = await earlierMessages(teammate, teammate.threadId, newest.messages[0]!.seq);
    expect([own.messages.length, own.notes]).toEqual([25, []]);
    expect(own.messages.every((m) => m.action === null)).toBe(true);
    await expect(earlierMessages(teammate2, teammate.threadId, 200)).rejects.toBeInstanceOf(NotFoundError);
    await expect(earlierMessages(b.manager, teammate.threadId, 200)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("counts a teammate's unread messages from the organisation", async () => {
    const { manager, teammate } = await makeOrg();
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "1", clientId: cid() });
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "2", clientId: cid() });
    expect(await teammateUnreadCount(teammate)).toBe(2);
    await markThreadRead(teammate, teammate.threadId, 2);
    expect(await teammateUnreadCount(teammate)).toBe(0);
  });
});
