import { describe, expect, it } from "vitest";
import { setMessagingAccess } from "@/lib/admin/access";
import { db } from "@/lib/db";
import { sendInboxMessage } from "@/lib/inbox/send";
import { sendMessageSchema } from "@/lib/conversations/schemas";
import { getStaffThread } from "@/lib/inbox/queries";
import { makeOrg, cid } from "@/tests/helpers/org";
import { pdf, png, uploadRequest } from "@/tests/helpers/files";
import { receiveFiles } from "./receive";
import { requireOpenableFile } from "./access";
import { requireUploadTarget } from "@/lib/dispatch";
import { addPrivateNote } from "@/lib/inbox/notes";
import { addNoteSchema } from "@/lib/inbox/schemas";
import { sharedFiles } from "@/lib/inbox/shared-files";
import type { SessionUser } from "@/lib/auth/roles";

async function upload(user: SessionUser, conversationId: string, files = [{ name: "plan.pdf", data: pdf() }]) {
  const got = await receiveFiles(uploadRequest(files), {
    organizationId: user.organizationId,
    conversationId,
    uploaderId: user.id,
    fromStaff: user.role !== "TEAMMATE",
  });
  return got.files.map((f) => f.id);
}

describe("files in messages", () => {
  it("a message may carry files and no text; a retried send stores it and its files once", async () => {
    const o = await makeOrg();
    const ids = await upload(o.teammate, o.teammate.threadId, [
      { name: "photo.png", data: await png() },
      { name: "plan.pdf", data: pdf() },
    ]);
    const input = sendMessageSchema.parse({
      conversationId: o.teammate.threadId,
      body: "",
      clientId: cid(),
      attachmentIds: ids.join(","),
    });
    const first = await sendInboxMessage(o.teammate, input);
    const again = await sendInboxMessage(o.teammate, input);
    expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id } });
    expect(first.message.message.attachments.map((a) => a.name)).toEqual(["photo.png", "plan.pdf"]);
    expect(again.message.message.attachments.map((a) => a.id)).toEqual(
      first.message.message.attachments.map((a) => a.id),
    );
    expect(await db.message.count({ where: { conversationId: o.teammate.threadId, authorId: o.teammate.id } })).toBe(1);
    expect(await db.attachment.count({ where: { messageId: first.message.id } })).toBe(2);
    const thread = await db.conversation.findUniqueOrThrow({ where: { id: o.teammate.threadId } });
    expect(thread.lastMessagePreview).toContain("photo.png");
    const page = await getStaffThread(o.manager, o.teammate.threadId);
    expect(page.messages.at(-1)?.attachments.map((a) => a.mimeType)).toEqual(["image/png", "application/pdf"]);
    const shared = await sharedFiles(o.teammate, o.teammate.threadId);
    expect(shared.files.map((f) => [f.name, f.sharedBy]).sort()).toEqual([
      ["photo.png", "Tess One"],
      ["plan.pdf", "Tess One"],
    ]);
    expect((await sharedFiles(o.manager, o.teammate.threadId, { kind: "image" })).files.map((f) => f.name)).toEqual([
      "photo.png",
    ]);
    await expect(sharedFiles(o.teammate2, o.teammate.threadId)).rejects.toThrow(/not found/i);
  });

  it("neither text nor file is refused, and so are files that are someone else's, elsewhere or already sent", async () => {
    const o = await makeOrg();
    expect(
      sendMessageSchema.safeParse({ conversationId: o.teammate.threadId, body: " ", clientId: cid() }).success,
    ).toBe(false);
    const theirs = await upload(o.teammate2, o.teammate2.threadId);
    const otherThread = await upload(o.manager, o.teammate2.threadId);
    for (const attachmentIds of [theirs, otherThread]) {
      await expect(
        sendInboxMessage(o.manager, {
          conversationId: o.teammate.threadId,
          body: "see",
          clientId: cid(),
          attachmentIds,
        }),
      ).rejects.toThrow(/no longer/i);
    }
    const mine = await upload(o.manager, o.teammate.threadId);
    await sendInboxMessage(o.manager, {
      conversationId: o.teammate.threadId,
      body: "one",
      clientId: cid(),
      attachmentIds: mine,
    });
    await expect(
      sendInboxMessage(o.manager, {
        conversationId: o.teammate.threadId,
        body: "two",
        clientId: cid(),
        attachmentIds: mine,
      }),
    ).rejects.toThrow(/no longer/i);
    // refused whole: the failed sends stored no message
    expect(
      await db.message.findMany({
        where: { conversationId: o.teammate.threadId, authorId: o.manager.id },
        select: { body: true },
      }),
    ).toEqual([{ body: "one" }]);
  });

  it("opens for staff of the organisation and the thread's teammate only; an unsent upload for its uploader only", async () => {
    const o = await makeOrg();
    const other = await makeOrg("Other");
    const [sent] = await upload(o.teammate, o.teammate.threadId);
    await sendInboxMessage(o.teammate, {
      conversationId: o.teammate.threadId,
      body: "",
      clientId: cid(),
      attachmentIds: [sent!],
    });
    const [waiting] = await upload(o.manager, o.teammate.threadId);
    for (const user of [o.teammate, o.manager, o.admin])
      await expect(requireOpenableFile(user, sent!)).resolves.toMatchObject({ id: sent });
    for (const user of [o.teammate2, other.manager, other.teammate])
      await expect(requireOpenableFile(user, sent!)).rejects.toThrow(/not found/i);
    await expect(requireOpenableFile(o.manager, waiting!)).resolves.toMatchObject({ id: waiting });
    for (const user of [o.manager2, o.teammate])
      await expect(requireOpenableFile(user, waiting!)).rejects.toThrow(/not found/i);
    // A manager whose messaging right was removed no longer opens the inbox's files by their id.
    await setMessagingAccess(o.admin, o.manager.id, false);
    const demoted = { ...o.manager, messagingAccess: false };
    await expect(requireOpenableFile(demoted, sent!)).rejects.toThrow(/not found/i);
    await expect(requireOpenableFile(demoted, waiting!)).resolves.toMatchObject({ id: waiting }); // their own upload stays theirs
  });

  it("uploads go only to a conversation the uploader may write in", async () => {
    const o = await makeOrg();
    const other = await makeOrg("Other");
    await expect(requireUploadTarget(o.teammate, o.teammate.threadId)).resolves.toMatchObject({
      uploaderId: o.teammate.id,
      fromStaff: false,
    });
    await expect(requireUploadTarget(o.manager, o.teammate.threadId)).resolves.toMatchObject({ fromStaff: true });
    for (const user of [o.teammate2, other.manager, other.teammate])
      await expect(requireUploadTarget(user, o.teammate.threadId)).rejects.toThrow(/not found/i);
  });

  it("a private note never carries a file", async () => {
    const o = await makeOrg();
    const [id] = await upload(o.manager, o.teammate.threadId);
    const input = addNoteSchema.parse({
      conversationId: o.teammate.threadId,
      body: "only text",
      clientId: cid(),
      attachmentIds: [id],
    });
    expect(input).not.toHaveProperty("attachmentIds");
    await addPrivateNote(o.manager, input);
    expect(await db.attachment.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ messageId: null });
    // the waiting upload stays the manager's alone: the teammate cannot open it
    await expect(requireOpenableFile(o.teammate, id!)).rejects.toThrow(/not found/i);
  });
});
