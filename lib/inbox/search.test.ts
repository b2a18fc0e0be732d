import { describe, expect, it } from "vitest";
import { writeTx } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { postMessage } from "@/lib/conversations/post";
import { cid, makeOrg } from "@/tests/helpers/org";
import { addPrivateNote } from "./notes";
import { searchInbox, searchMine } from "./search";
import { searchSchema } from "./schemas";
import { sendInboxMessage } from "./send";
import { db } from "@/lib/db";
import { createPrivate } from "@/lib/chat/conversations";
import { sendChatMessage } from "@/lib/chat/send";

const PARIS = "Europe/Paris";
const input = (q: string, more: Record<string, string> = {}) => searchSchema.parse({ q, ...more });
const texts = (page: { results: { parts: { text: string }[] }[] }) =>
  page.results.map((r) => r.parts.map((p) => p.text).join(""));

describe("searching messages", () => {
  it("finds other word forms, without accents or case, phrases in quotes, newest first, matching words marked", async () => {
    const { manager, teammate, teammate2 } = await makeOrg();
    await sendInboxMessage(teammate, {
      conversationId: teammate.threadId,
      body: "Je peux remplacer Paul vendredi",
      clientId: cid(),
    });
    await sendInboxMessage(teammate2, {
      conversationId: teammate2.threadId,
      body: "Can you replace me on the night shift?",
      clientId: cid(),
    });
    await sendInboxMessage(manager, {
      conversationId: teammate2.threadId,
      body: "Your shift at night is confirmed",
      clientId: cid(),
    });

    const fr = await searchInbox(manager, input("remplacé"), PARIS);
    expect(texts(fr)).toEqual(["Je peux remplacer Paul vendredi"]);
    expect(fr.results[0]!.parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["remplacer"]);
    expect(fr.results[0]!.place).toBe("Tess One");
    expect(fr.results[0]!.href).toBe(`/inbox/${teammate.threadId}?at=1`);
    expect(texts(await searchInbox(manager, input("REMPLACE vendredi"), PARIS))).toEqual([
      "Je peux remplacer Paul vendredi",
    ]);
    expect(texts(await searchInbox(manager, input("replaced"), PARIS))).toEqual([
      "Can you replace me on the night shift?",
    ]);
    // Both words anywhere: newest first; as a phrase, only where they stand together.
    expect(texts(await searchInbox(manager, input("night shifts"), PARIS))).toEqual([
      "Your shift at night is confirmed",
      "Can you replace me on the night shift?",
    ]);
    expect(texts(await searchInbox(manager, input('"night shift"'), PARIS))).toEqual([
      "Can you replace me on the night shift?",
    ]);
    expect(texts(await searchInbox(manager, input("nothing-like-this"), PARIS))).toEqual([]);
  });

  it("puts the best match first when asked, within the organisation only", async () => {
    const { manager, teammate, teammate2 } = await makeOrg();
    const other = await makeOrg("Other");
    const send = (u: typeof teammate, body: string) =>
      sendInboxMessage(u, { conversationId: u.threadId, body, clientId: cid() });
    await send(teammate, "Locker locker locker: my locker code changed, locker 12");
    await send(teammate2, "Lost my badge and I cannot open the locker room");
    await send(teammate, "Badge returned");
    // Another organisation's messages hold the words more often still, and are newer.
    await send(other.teammate, "locker locker locker locker locker locker locker");
    const q = (order: string) => searchInbox(manager, input("locker", { order }), PARIS).then(texts);
    expect(await q("newest")).toEqual([
      "Lost my badge and I cannot open the locker room",
      "Locker locker locker: my locker code changed, locker 12",
    ]);
    expect(await q("best")).toEqual([
      "Locker locker locker: my locker code changed, locker 12",
      "Lost my badge and I cannot open the locker room",
    ]);
  });

  it("filters by thread, author and the organisation's days", async () => {
    const { manager, manager2, teammate, teammate2 } = await makeOrg();
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "badge lost", clientId: cid() });
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "new badge ready", clientId: cid() });
    await sendInboxMessage(manager2, { conversationId: teammate2.threadId, body: "badge for Theo", clientId: cid() });
    const q = (more: Record<string, string>) => searchInbox(manager, input("badge", more), PARIS).then(texts);
    expect(await q({ in: teammate.threadId })).toEqual(["new badge ready", "badge lost"]);
    expect(await q({ author: "teammate" })).toEqual(["badge lost"]);
    expect(await q({ author: "me" })).toEqual(["new badge ready"]);
    expect(await q({ author: manager2.id })).toEqual(["badge for Theo"]);
    expect(await q({ author: "staff", order: "best" })).toHaveLength(2);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: PARIS }).format(new Date());
    expect(await q({ from: today, to: today })).toHaveLength(3);
    expect(await q({ to: "2020-01-01" })).toEqual([]);
    expect(searchSchema.safeParse({ q: "badge", from: "2026-02-31" }).success).toBe(false);
    expect(searchSchema.safeParse({ q: "badge", from: "2026-03-02", to: "2026-03-01" }).success).toBe(false);
  });

  it("gives staff private notes and file names; a teammate never a note nor another's thread", async () => {
    const { manager, teammate, teammate2 } = await makeOrg();
    await addPrivateNote(manager, {
      conversationId: teammate.threadId,
      body: "zebracode: check her contract",
      clientId: cid(),
    });
    await sendInboxMessage(teammate2, {
      conversationId: teammate2.threadId,
      body: "zebracode from Theo",
      clientId: cid(),
    });
    await sendInboxMessage(teammate, {
      conversationId: teammate.threadId,
      body: "zebracode from Tess",
      clientId: cid(),
    });
    await writeTx((_tx, ex) =>
      postMessage(ex, {
        organizationId: teammate.organizationId,
        conversationId: teammate.threadId,
        author: { id: manager.id, name: "Max Manager", staff: true },
        kind: "TEXT",
        body: "",
        fileCopies: [
          {
            id: "f1",
            fileName: "Planning-décembre.pdf",
            mimeType: "application/pdf",
            size: 10,
            storage: "local",
            storageKey: "k",
            url: null,
            thumbKey: null,
            width: null,
            height: null,
          },
        ],
      }),
    );

    const staff = await searchInbox(manager, input("zebracode"), PARIS);
    expect(staff.results.map((r) => r.kind)).toEqual(["message", "message", "note"]);
    expect(staff.results[2]!.href).toMatch(new RegExp(`^/inbox/${teammate.threadId}\\?note=`));
    expect(texts(await searchInbox(manager, input("decembre"), PARIS))).toEqual(["📎 Planning-décembre.pdf"]);

    // The teammate finds their own message (the positive control), never the note nor Theo's.
    const own = await searchMine(teammate, input("zebracode"), PARIS);
    expect(texts(own)).toEqual(["zebracode from Tess"]);
    expect(own.results[0]!.href).toBe(`/me/messages/${teammate.threadId}?at=1`);
    expect(JSON.stringify(await searchMine(teammate, input("contract"), PARIS))).not.toContain("zebracode");
    expect(texts(await searchMine(teammate, input("planning"), PARIS))).toEqual(["📎 Planning-décembre.pdf"]);
    await expect(searchMine(teammate, input("zebracode", { in: teammate2.threadId }), PARIS)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("a teammate's search covers the chats they are in, and opens a chat at the message; not a chat they are not in", async () => {
    const { teammate, teammate2, addTeammate } = await makeOrg("Org", { chatEnabled: true });
    const ana = await addTeammate("Ana", "Roy");
    const dept = (await db.teammateProfile.findUniqueOrThrow({ where: { userId: teammate.id } })).departmentId!;
    const ours = await createPrivate(teammate, {
      departmentId: dept,
      name: "Night crew",
      memberIds: [teammate2.id],
      clientId: cid(),
    });
    const theirs = await createPrivate(teammate2, {
      departmentId: dept,
      name: "Other crew",
      memberIds: [ana.id],
      clientId: cid(),
    });
    await sendChatMessage(teammate2, {
      conversationId: ours.conversationId,
      body: "Swapping my weekend shifts",
      clientId: cid(),
    });
    await sendChatMessage(ana, {
      conversationId: theirs.conversationId,
      body: "Weekend shift for Ana",
      clientId: cid(),
    });
    const page = await searchMine(teammate, input("weekend shift"), PARIS);
    expect(texts(page)).toEqual(["Swapping my weekend shifts"]);
    expect(page.results[0]!.place).toBe("Night crew");
    expect(page.results[0]!.href).toMatch(new RegExp(`^/me/chat/${ours.conversationId}\\?at=\\d+$`));
    // Narrowed to their own thread: nothing from the chat.
    expect(texts(await searchMine(teammate, input("weekend", { in: teammate.threadId }), PARIS))).toEqual([]);
    await expect(searchMine(teammate, input("weekend", { in: theirs.conversationId }), PARIS)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("refuses teammates, managers without messaging and other organisations", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    await sendInboxMessage(a.teammate, { conversationId: a.teammate.threadId, body: "orgsecret", clientId: cid() });
    expect(texts(await searchInbox(a.manager, input("orgsecret"), PARIS))).toEqual(["orgsecret"]);
    await expect(searchInbox(a.teammate, input("orgsecret"), PARIS)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      searchInbox({ ...a.manager, messagingAccess: false }, input("orgsecret"), PARIS),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(texts(await searchInbox(b.manager, input("orgsecret"), PARIS))).toEqual([]);
    await expect(searchInbox(b.manager, input("orgsecret", { in: a.teammate.threadId }), PARIS)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(searchInbox(b.manager, input("orgsecret", { author: a.manager.id }), PARIS)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(searchMine(a.manager, input("orgsecret"), PARIS)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is written with the message: a rolled-back send leaves nothing to find", async () => {
    const { manager, teammate } = await makeOrg();
    await expect(
      writeTx(async (_tx, ex) => {
        await postMessage(ex, {
          organizationId: teammate.organizationId,
          conversationId: teammate.threadId,
          author: { id: teammate.id, name: "Tess One", staff: false },
          kind: "TEXT",
          body: "rollbackword lost",
        });
        throw new Error("crash after the write");
      }),
    ).rejects.toThrow("crash");
    await sendInboxMessage(teammate, { conversationId: teammate.threadId, body: "rollbackword kept", clientId: cid() });
    expect(texts(await searchInbox(manager, input("rollbackword"), PARIS))).toEqual(["rollbackword kept"]);
  });
});
