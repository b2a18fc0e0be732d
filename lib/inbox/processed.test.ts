import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { cid, makeOrg } from "@/tests/helpers/org";
import { processedHistory, setProcessed } from "./processed";
import { markUnreadByStaff } from "./unread";
import { listInboxContacts } from "./contacts";
import { sendInboxMessage } from "./send";

describe("processed state", () => {
  it("records who processed and when, keeps the history, and ignores repeats", async () => {
    const { manager, manager2, teammate } = await makeOrg();
    expect(await setProcessed(manager, teammate.threadId, true)).toEqual({ changed: true });
    expect(await setProcessed(manager2, teammate.threadId, true)).toEqual({ changed: false });
    const thread = await db.conversation.findUniqueOrThrow({ where: { id: teammate.threadId } });
    expect(thread).toMatchObject({ processed: true, processedById: manager.id });
    expect(thread.processedAt).toBeInstanceOf(Date);

    await setProcessed(manager2, teammate.threadId, false);
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "hello", clientId: cid() });
    await setProcessed(manager, teammate.threadId, true);
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "again", clientId: cid() });
    const history = await processedHistory(manager, teammate.threadId);
    expect(history.map((h) => [h.processed, h.by])).toEqual([
      [false, null],
      [true, "Max Manager"],
      [false, "Mia Manager"],
      [true, "Max Manager"],
    ]);
    const events = await db.event.findMany({ where: { conversationId: teammate.threadId, type: "thread.processed" } });
    expect(events.every((e) => e.audience === "STAFF")).toBe(true);
  });

  it("refuses teammates and other organisations", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    await expect(setProcessed(a.teammate, a.teammate.threadId, true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setProcessed(b.manager, a.teammate.threadId, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(processedHistory(b.manager, a.teammate.threadId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.processedChange.count({ where: { conversationId: a.teammate.threadId } })).toBe(0);
  });
});

describe("mark as unread", () => {
  it("makes the thread unread from a message on, for this staff user only", async () => {
    const { manager, manager2, teammate } = await makeOrg();
    for (const body of ["1", "2", "3"])
      await sendInboxMessage(teammate, { conversationId: teammate.threadId, body, clientId: cid() });
    await markUnreadByStaff(manager, teammate.threadId, 3);
    await markUnreadByStaff(manager2, teammate.threadId, 4);
    const unread = async (u: typeof manager) =>
      (await listInboxContacts(u)).contacts.find((c) => c.conversationId === teammate.threadId)!.unread;
    expect(await unread(manager)).toBe(1);
    // Without a message: from the teammate's last message.
    expect(await markUnreadByStaff(manager2, teammate.threadId)).toEqual({ lastReadSeq: 2 });
    expect(await unread(manager2)).toBe(1);
  });

  it("refuses teammates and other organisations", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    await expect(markUnreadByStaff(a.teammate, a.teammate.threadId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(markUnreadByStaff(b.manager, a.teammate.threadId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
