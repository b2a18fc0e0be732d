import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cid, makeOrg } from "@/tests/helpers/org";
import { canSee } from "@/lib/realtime/visibility";
import { viewerFor } from "@/lib/realtime/hub";
import { addPrivateNote, listNotes } from "./notes";
import { markThreadRead } from "./read";
import { sendInboxMessage } from "./send";
import { unseenMentions } from "./mentions";

describe("mentions in private notes", () => {
  it("name a colleague with messaging: stored, told to them alone, counted until they read the thread", async () => {
    const { manager, manager2, teammate, teammate2 } = await makeOrg();
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "Hi", clientId: cid() });
    const { id } = await addPrivateNote(manager, {
      conversationId: teammate.threadId,
      // A colleague, twice; a teammate's name and the author's own are not mentions.
      body: "@mia manager can you call? @Mia Manager see @Tess One. @Max Manager",
      clientId: cid(),
    });
    expect(await db.noteMention.findMany({ where: { noteId: id }, select: { userId: true } })).toEqual([
      { userId: manager2.id },
    ]);
    const [note] = await listNotes(manager2, teammate.threadId);
    expect(note!.mentions).toEqual([{ id: manager2.id, name: `${manager2.firstName} ${manager2.lastName}` }]);

    const told = await db.event.findMany({ where: { organizationId: manager.organizationId, type: "note.mentioned" } });
    expect(told.map((e) => [e.audience, e.userId])).toEqual([["USER", manager2.id]]);
    // On every stream, only Mia's may carry it: not the teammates', not Max's.
    const logged = { ...told[0]!, id: told[0]!.seq, payload: JSON.stringify(told[0]!.payload) };
    for (const [who, expected] of [
      [manager2, true],
      [manager, false],
      [teammate, false],
      [teammate2, false],
    ] as const)
      expect(canSee(logged, await viewerFor({ ...who, isStaff: who.role !== "TEAMMATE" }))).toBe(expected);

    expect(await unseenMentions(manager2)).toBe(1);
    await markThreadRead(manager2, teammate.threadId, 1);
    expect(await unseenMentions(manager2)).toBe(0);
    const seen = await db.event.findFirstOrThrow({
      where: { organizationId: manager.organizationId, type: "mentions.seen" },
    });
    expect([seen.userId, seen.payload]).toEqual([manager2.id, { unseen: 0 }]);
  });

  it("do not name a manager without messaging, nor one of another organisation", async () => {
    const { manager, manager2, teammate } = await makeOrg();
    const other = await makeOrg("Other");
    await db.user.update({ where: { id: manager2.id }, data: { messagingAccess: false } });
    await db.user.update({ where: { id: other.manager.id }, data: { firstName: "Olga", lastName: "Other" } });
    const { id } = await addPrivateNote(manager, {
      conversationId: teammate.threadId,
      body: "@Mia Manager and @Olga Other",
      clientId: cid(),
    });
    expect(await db.privateNote.count({ where: { id } })).toBe(1); // the note itself is kept
    expect(await db.noteMention.count({ where: { noteId: id } })).toBe(0);
  });
});
