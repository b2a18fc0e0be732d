import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/api/errors";
import { cid, makeOrg } from "@/tests/helpers/org";
import { getStaffThread, getTeammateThread, teammateUnreadCount } from "./queries";
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

  it("counts a teammate's unread messages from the organisation", async () => {
    const { manager, teammate } = await makeOrg();
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "1", clientId: cid() });
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "2", clientId: cid() });
    expect(await teammateUnreadCount(teammate)).toBe(2);
    await markThreadRead(teammate, teammate.threadId, 2);
    expect(await teammateUnreadCount(teammate)).toBe(0);
  });
});
