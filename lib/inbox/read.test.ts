import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cid, makeOrg } from "@/tests/helpers/org";
import { sendInboxMessage } from "./send";
import { markThreadRead } from "./read";
import { markUnreadByStaff } from "./unread";

const position = (conversationId: string, userId: string) =>
  db.staffReadState.findUnique({
    where: { conversationId_userId: { conversationId, userId } },
    select: { lastReadSeq: true },
  });

describe("read positions", () => {
  it("move forward only, and never past the last message", async () => {
    const { manager, teammate } = await makeOrg();
    for (const body of ["a", "b", "c"])
      await sendInboxMessage(teammate, { conversationId: teammate.threadId, body, clientId: cid() });
    expect(await markThreadRead(manager, teammate.threadId, 99)).toBe(3);
    await markThreadRead(manager, teammate.threadId, 1);
    expect(await position(teammate.threadId, manager.id)).toEqual({ lastReadSeq: 3 });
  });

  it("Mark as unread wins over a read reported by a page opened before it, until the thread is opened again", async () => {
    const { manager, teammate } = await makeOrg();
    for (const body of ["a", "b"])
      await sendInboxMessage(teammate, { conversationId: teammate.threadId, body, clientId: cid() });
    const openedBefore = new Date(Date.now() - 1000);
    await markUnreadByStaff(manager, teammate.threadId);
    expect(await position(teammate.threadId, manager.id)).toEqual({ lastReadSeq: 1 });
    await markThreadRead(manager, teammate.threadId, 2, openedBefore); // the old page's late report
    expect(await position(teammate.threadId, manager.id)).toEqual({ lastReadSeq: 1 });
    await new Promise((r) => setTimeout(r, 5));
    await markThreadRead(manager, teammate.threadId, 2, new Date()); // opened again
    expect(await position(teammate.threadId, manager.id)).toEqual({ lastReadSeq: 2 });
  });
});
