import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { cid, makeOrg } from "@/tests/helpers/org";
import { pdf, uploadRequest } from "@/tests/helpers/files";
import { receiveFiles } from "@/lib/files/receive";
import { requireOpenableFile } from "@/lib/files/access";
import { requireUploadTarget } from "@/lib/dispatch";
import { sendMessage } from "@/lib/dispatch";
import { setChatOption } from "./option";
import { createChannel, createPrivate } from "./conversations";
import { leaveChat } from "./members";

async function sendFile(user: SessionUser, conversationId: string) {
  const target = await requireUploadTarget(user, conversationId);
  const got = await receiveFiles(uploadRequest([{ name: "rota.pdf", data: pdf() }]), target);
  const sent = await sendMessage(user, {
    conversationId,
    body: "",
    clientId: cid(),
    attachmentIds: got.files.map((f) => f.id),
  });
  return sent.message.message.attachments[0]!.id;
}

describe("files in chat", () => {
  it("open for the conversation's members only; a public one's for its department too; none after leaving or with the option off", async () => {
    const { admin, manager, teammate, teammate2, dept, addTeammate } = await makeOrg("Chat", { chatEnabled: true });
    const ana = await addTeammate("Ana", "Roy");
    const { conversationId: group } = await createPrivate(teammate, {
      departmentId: dept.id,
      name: "",
      memberIds: [teammate2.id],
      clientId: cid(),
    });
    const file = await sendFile(teammate, group);
    expect((await requireOpenableFile(teammate2, file)).fileName).toBe("rota.pdf");
    // Not for staff outside it, nor a colleague of the same department who is not in it.
    for (const outsider of [manager, ana])
      await expect(requireOpenableFile(outsider, file)).rejects.toBeInstanceOf(NotFoundError);
    await expect(requireUploadTarget(ana, group)).rejects.toBeInstanceOf(NotFoundError);
    await leaveChat(teammate2, group);
    await expect(requireOpenableFile(teammate2, file)).rejects.toBeInstanceOf(NotFoundError);

    const { conversationId: channel } = await createChannel(manager, {
      departmentId: dept.id,
      name: "Care",
      clientId: cid(),
    });
    const memo = await sendFile(manager, channel);
    expect((await requireOpenableFile(ana, memo)).fileName).toBe("rota.pdf"); // not joined yet: the department sees it
    await setChatOption(admin, false);
    await expect(requireOpenableFile(ana, memo)).rejects.toBeInstanceOf(NotFoundError);
    await expect(requireOpenableFile(teammate, file)).rejects.toBeInstanceOf(NotFoundError);
  });
});
