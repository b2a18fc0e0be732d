import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { cid, makeOrg } from "@/tests/helpers/org";
import { addPrivateNote, listNotes } from "./notes";
import { getTeammateThread } from "./queries";
import { sendInboxMessage } from "./send";

describe("private notes", () => {
  it("are stored once, listed for staff, and never reach the teammate's thread or events", async () => {
    const { manager, teammate } = await makeOrg();
    await sendInboxMessage(teammate, {
      conversationId: teammate.threadId,
      body: "Can I leave early?",
      clientId: cid(),
    });
    const clientId = cid();
    await addPrivateNote(manager, {
      conversationId: teammate.threadId,
      body: "SECRET: check her contract first",
      clientId,
    });
    expect(
      await addPrivateNote(manager, {
        conversationId: teammate.threadId,
        body: "SECRET: check her contract first",
        clientId,
      }),
    ).toMatchObject({
      duplicate: true,
    });

    expect((await listNotes(manager, teammate.threadId)).map((n) => [n.body, n.authorName])).toEqual([
      ["SECRET: check her contract first", "Max Manager"],
    ]);
    const own = await getTeammateThread(teammate, teammate.threadId);
    expect(JSON.stringify(own)).not.toContain("SECRET");
    const teammateVisible = await db.event.findMany({
      where: { conversationId: teammate.threadId, audience: { in: ["MEMBERS", "USER"] } },
      select: { type: true, payload: true },
    });
    expect(teammateVisible.length).toBeGreaterThan(0);
    expect(JSON.stringify(teammateVisible)).not.toContain("note");
    const thread = await db.conversation.findUniqueOrThrow({ where: { id: teammate.threadId } });
    expect(thread.lastMessagePreview).toBe("Can I leave early?");
  });

  it("refuses teammates and other organisations", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    await expect(
      addPrivateNote(a.teammate, { conversationId: a.teammate.threadId, body: "x", clientId: cid() }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listNotes(a.teammate, a.teammate.threadId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      addPrivateNote(b.manager, { conversationId: a.teammate.threadId, body: "x", clientId: cid() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await listNotes(b.manager, a.teammate.threadId)).toEqual([]);
  });
});
