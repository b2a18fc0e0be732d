import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import { until } from "@/tests/helpers/until";
import { cid, makeOrg } from "@/tests/helpers/org";
import { createDepartment } from "@/lib/seed/factories";
import { subscribe, viewerFor } from "@/lib/realtime/hub";
import type { LoggedEvent } from "@/lib/realtime/visibility";
import { addPrivateNote } from "@/lib/inbox/notes";
import { sendMessage, markRead } from "@/lib/dispatch";
import { createChannel, createPrivate } from "./conversations";
import { addMembers, deleteChat, joinChannel, leaveChat } from "./members";
import { chatUnreadTotal, getChatThread, listChats, searchChats } from "./queries";
import { setChatOption } from "./option";
import { requireChat } from "./access";
import { updateTeammateProfile } from "@/lib/admin/profile";
import { profileSchema } from "@/lib/admin/schemas";

const chatOrg = () => makeOrg("Chat", { chatEnabled: true });
const say = (user: SessionUser, conversationId: string, body: string) =>
  sendMessage(user, { conversationId, body, clientId: cid() });

async function listen(user: SessionUser) {
  const got: LoggedEvent[] = [];
  const viewer = await viewerFor({ id: user.id, organizationId: user.organizationId, isStaff: isStaff(user.role) });
  const stop = await subscribe(viewer, undefined, (e) => got.push(e));
  const bodies = () =>
    got
      .filter((e) => e.type === "chat.message")
      .map((e) => (JSON.parse(e.payload) as { message: { body: string } }).message.body);
  return { got, stop, bodies };
}
/**
 * The positive control of a negative test: an inbox message this listener must receive,
 * written after what it must not receive. An organisation's events reach a stream in their
 * order, so once the control has arrived, anything written before it would have too.
 */
async function control(feed: Awaited<ReturnType<typeof listen>>, writer: SessionUser, threadId: string) {
  const body = `control ${cid()}`;
  await say(writer, threadId, body);
  await until(() =>
    feed.got.some(
      (e) =>
        e.type === "message.created" && (JSON.parse(e.payload) as { message: { body: string } }).message.body === body,
    ),
  );
}

describe("public conversations", () => {
  it("only staff create one; the department sees it, joins by opening it and replies", async () => {
    const { manager, teammate, teammate2 } = await chatOrg();
    const dept = (await db.teammateProfile.findUniqueOrThrow({ where: { userId: teammate.id } })).departmentId!;
    await expect(createChannel(teammate, { departmentId: dept, name: "Team", clientId: cid() })).rejects.toBeInstanceOf(
      ForbiddenError,
    );

    const tessFeed = await listen(teammate);
    const clientId = cid();
    const { conversationId } = await createChannel(manager, { departmentId: dept, name: "Care team", clientId });
    // A double click makes one conversation.
    expect(await createChannel(manager, { departmentId: dept, name: "Care team", clientId })).toEqual({
      conversationId,
      existed: true,
    });
    await say(manager, conversationId, "Welcome all");
    await until(() => tessFeed.bodies().includes("Welcome all"));
    expect(tessFeed.got.some((e) => e.type === "chat.changed")).toBe(true);
    tessFeed.stop();

    const before = await listChats(teammate2);
    expect(before.rows).toMatchObject([
      { id: conversationId, kind: "CHANNEL", joined: false, unread: 1, title: "Care team" },
    ]);
    expect(await chatUnreadTotal(teammate2)).toBe(1);
    // Opening it (the page's read report) joins it.
    await markRead(teammate2, conversationId, 1);
    const after = await listChats(teammate2);
    expect(after.rows).toMatchObject([{ id: conversationId, joined: true, unread: 0 }]);
    await say(teammate2, conversationId, "Thanks!");
    const thread = await getChatThread(manager, conversationId);
    expect(thread.participants.map((p) => p.firstName).sort()).toEqual(["Max", "Theo"]);
    expect(thread.messages.map((m) => m.body)).toEqual(["Welcome all", "Thanks!"]);
    // Chat messages do not touch the inbox's processed state or counts.
    expect(await db.processedChange.count({ where: { conversationId } })).toBe(0);
  });

  it("someone who joins the department later can join the same way", async () => {
    const { manager, dept, addTeammate } = await chatOrg();
    const { conversationId } = await createChannel(manager, { departmentId: dept.id, name: "All", clientId: cid() });
    await say(manager, conversationId, "Old news");
    const newcomer = await addTeammate("Nina", "New");
    expect((await listChats(newcomer)).rows.map((r) => r.id)).toEqual([conversationId]);
    await joinChannel(newcomer, conversationId, 1);
    expect((await getChatThread(newcomer, conversationId)).participants.some((p) => p.id === newcomer.id)).toBe(true);
  });

  it("who left it receives nothing more, finds it among those they left, and may join again", async () => {
    const { manager, teammate, dept } = await chatOrg();
    const { conversationId } = await createChannel(manager, { departmentId: dept.id, name: "Care", clientId: cid() });
    await joinChannel(teammate, conversationId);
    await leaveChat(teammate, conversationId);
    const feed = await listen(teammate);
    await say(manager, conversationId, "while you were away");
    await control(feed, manager, teammate.threadId);
    expect(feed.bodies()).toEqual([]);
    feed.stop();
    const list = await listChats(teammate);
    expect(list.rows).toEqual([]);
    expect(list.left.map((r) => r.id)).toEqual([conversationId]);
    expect(await chatUnreadTotal(teammate)).toBe(0);
    await expect(say(teammate, conversationId, "hi")).rejects.toBeInstanceOf(NotFoundError);
    expect((await getChatThread(teammate, conversationId)).messages).toEqual([]); // the page offers "Join again" only
    await joinChannel(teammate, conversationId, Number.MAX_SAFE_INTEGER, { again: true });
    const thread = await getChatThread(manager, conversationId);
    expect(thread.messages.flatMap((m) => (m.notice ? [m.notice.key] : []))).toEqual(["left", "joined"]);
    expect((await listChats(teammate)).rows.map((r) => r.id)).toEqual([conversationId]);
  });

  it("other departments and other organisations cannot see, join or write in it", async () => {
    const { manager, org, teammate, addTeammate } = await chatOrg();
    const other = await makeOrg("Other", { chatEnabled: true });
    const dept = (await db.teammateProfile.findUniqueOrThrow({ where: { userId: teammate.id } })).departmentId!;
    const { conversationId } = await createChannel(manager, { departmentId: dept, name: "Care", clientId: cid() });
    const kitchen = await createDepartment(db, org.id, "Kitchen");
    const cook = await addTeammate("Cora", "Cook");
    await db.teammateProfile.update({ where: { userId: cook.id }, data: { departmentId: kitchen.id } });
    await expect(requireChat(cook, conversationId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(say(cook, conversationId, "hi")).rejects.toBeInstanceOf(NotFoundError);
    await expect(say(other.manager, conversationId, "hi")).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createChannel(other.manager, { departmentId: dept, name: "Theirs", clientId: cid() }),
    ).rejects.toBeInstanceOf(UserError);
    expect((await listChats(cook)).rows).toEqual([]);
  });
});

describe("a teammate who changes department", () => {
  it("no longer reads or writes the old department's public conversations: not by direct request, not on the stream open before the move", async () => {
    const { manager, org, teammate } = await chatOrg();
    const care = (await db.teammateProfile.findUniqueOrThrow({ where: { userId: teammate.id } })).departmentId!;
    const kitchen = await createDepartment(db, org.id, "Kitchen");
    const { conversationId } = await createChannel(manager, { departmentId: care, name: "Care", clientId: cid() });
    await joinChannel(teammate, conversationId);
    const feed = await listen(teammate); // open before the move
    await say(manager, conversationId, "before the move");
    await until(() => feed.bodies().includes("before the move")); // positive control
    // Staff move them to the kitchen.
    await updateTeammateProfile(
      manager,
      profileSchema.parse({
        userId: teammate.id,
        firstName: teammate.firstName,
        lastName: teammate.lastName,
        phone: "",
        locale: "en",
        departmentId: kitchen.id,
        active: "on",
      }),
    );
    await until(() => feed.got.some((e) => e.type === "chat.left"));
    await say(manager, conversationId, "after the move");
    await control(feed, manager, teammate.threadId);
    expect(feed.bodies()).toEqual(["before the move"]);
    feed.stop();
    await expect(requireChat(teammate, conversationId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(say(teammate, conversationId, "still here?")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getChatThread(teammate, conversationId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listChats(teammate)).rows).toEqual([]);
  });
});

describe("private conversations", () => {
  it("a teammate makes a group of three, adds someone, leaves; who left receives nothing new, live or on reload", async () => {
    const { manager, teammate, teammate2, addTeammate } = await chatOrg();
    const ana = await addTeammate("Ana", "Roy");
    const bo = await addTeammate("Bo", "Lee");
    await expect(
      createPrivate(teammate, { departmentId: "", name: "", memberIds: [teammate2.id, ana.id], clientId: cid() }),
    ).rejects.toBeInstanceOf(UserError);
    const dept = (await db.teammateProfile.findUniqueOrThrow({ where: { userId: teammate.id } })).departmentId!;
    const { conversationId } = await createPrivate(teammate, {
      departmentId: dept,
      name: "Night shift",
      memberIds: [teammate2.id, ana.id],
      clientId: cid(),
    });
    await addMembers(teammate, conversationId, [bo.id]);
    await expect(addMembers(teammate, conversationId, [bo.id])).rejects.toBeInstanceOf(UserError);
    expect((await getChatThread(bo, conversationId)).participants).toHaveLength(4);

    const anaFeed = await listen(ana);
    const boFeed = await listen(bo);
    await leaveChat(ana, conversationId);
    await say(teammate, conversationId, "After Ana left");
    await until(() => boFeed.bodies().includes("After Ana left"));
    await control(anaFeed, manager, ana.threadId);
    expect(anaFeed.bodies()).not.toContain("After Ana left");
    expect(anaFeed.got.map((e) => e.type)).toEqual(["chat.message", "chat.left", "message.created"]); // her own "left" notice, then only the control
    anaFeed.stop();
    boFeed.stop();
    // On reload: not in her list, and the conversation is not found for her.
    expect((await listChats(ana)).rows).toEqual([]);
    await expect(getChatThread(ana, conversationId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(say(ana, conversationId, "still here?")).rejects.toBeInstanceOf(NotFoundError);
    // The others read that she left, in their language.
    const notices = (await getChatThread(bo, conversationId)).messages.flatMap((m) => (m.notice ? [m.notice] : []));
    expect(notices).toEqual([
      { key: "added", actor: "Tess One", names: ["Bo Lee"] },
      { key: "left", actor: "Ana Roy" },
    ]);
  });

  it("is private from staff who are not in it, and its search finds only what one can see", async () => {
    const { manager, teammate, teammate2, dept } = await chatOrg();
    const { conversationId } = await createPrivate(teammate, {
      departmentId: dept.id,
      name: "",
      memberIds: [teammate2.id],
      clientId: cid(),
    });
    await say(teammate, conversationId, "secret birthday plan for Max");
    const staffFeed = await listen(manager);
    await say(teammate2, conversationId, "the cake arrives at noon");
    await control(staffFeed, teammate, teammate.threadId);
    expect(staffFeed.bodies()).toEqual([]);
    staffFeed.stop();
    await expect(getChatThread(manager, conversationId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await searchChats(manager, "birthday")).toEqual([]);
    expect((await searchChats(teammate2, "BIRTHDAY plan")).map((h) => h.parts.map((p) => p.text).join(""))).toEqual([
      "secret birthday plan for Max",
    ]);
    // Direct conversations: the same two get the same one back, named after the other person.
    expect(
      await createPrivate(teammate2, { departmentId: dept.id, name: "", memberIds: [teammate.id], clientId: cid() }),
    ).toEqual({
      conversationId,
      existed: true,
    });
    expect((await listChats(teammate2)).rows[0]?.title).toBe("Tess One");
  });

  it("only a department's active teammates can be in it; recipients across departments or organisations are refused whole", async () => {
    const { teammate, dept, org, addTeammate } = await chatOrg();
    const other = await makeOrg("Other", { chatEnabled: true });
    const kitchen = await createDepartment(db, org.id, "Kitchen");
    const cook = await addTeammate("Cora", "Cook");
    await db.teammateProfile.update({ where: { userId: cook.id }, data: { departmentId: kitchen.id } });
    const mate = await addTeammate("Mo", "Mate");
    for (const memberIds of [[cook.id], [mate.id, other.teammate.id], [other.teammate.id]])
      await expect(
        createPrivate(teammate, { departmentId: dept.id, name: "X", memberIds, clientId: cid() }),
      ).rejects.toBeInstanceOf(UserError);
    // A teammate cannot open a department that is not theirs.
    await expect(
      createPrivate(teammate, { departmentId: kitchen.id, name: "", memberIds: [cook.id], clientId: cid() }),
    ).rejects.toBeInstanceOf(UserError);
    expect(await db.conversation.count({ where: { organizationId: org.id, kind: "GROUP" } })).toBe(0);
  });

  it("is deleted by its creator or a manager, for everyone", async () => {
    const { manager, teammate, teammate2, dept, addTeammate } = await chatOrg();
    const ana = await addTeammate("Ana", "Roy");
    const { conversationId } = await createPrivate(teammate, {
      departmentId: dept.id,
      name: "Trio",
      memberIds: [teammate2.id, ana.id],
      clientId: cid(),
    });
    await expect(deleteChat(teammate2, conversationId)).rejects.toBeInstanceOf(ForbiddenError);
    // A manager who is not in a private conversation cannot even see it.
    await expect(deleteChat(manager, conversationId)).rejects.toBeInstanceOf(NotFoundError);
    const feed = await listen(teammate2);
    await deleteChat(teammate, conversationId);
    await until(() => feed.got.some((e) => e.type === "chat.changed"));
    feed.stop();
    expect((await listChats(teammate2)).rows).toEqual([]);
    await expect(say(teammate2, conversationId, "hello?")).rejects.toBeInstanceOf(NotFoundError);
    // Kept, marked deleted.
    expect(
      await db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { deletedAt: true } }),
    ).not.toMatchObject({ deletedAt: null });
  });
});

describe("the Chat option", () => {
  it("when off, nothing of chat answers; its data is kept for when it comes back", async () => {
    const { admin, manager, teammate, dept } = await chatOrg();
    const { conversationId } = await createChannel(manager, { departmentId: dept.id, name: "Care", clientId: cid() });
    await say(manager, conversationId, "kept");
    await expect(setChatOption(manager, false)).rejects.toBeInstanceOf(ForbiddenError);
    await setChatOption(admin, false);
    // A stream asking to replay everything (after=0) gets the inbox, nothing of chat.
    await sendMessage(manager, { conversationId: teammate.threadId, body: "inbox still here", clientId: cid() });
    const replayed: LoggedEvent[] = [];
    const viewer = await viewerFor({ id: teammate.id, organizationId: teammate.organizationId, isStaff: false });
    const stop = await subscribe(viewer, 0, (e) => replayed.push(e));
    await until(() => replayed.some((e) => e.type === "message.created"));
    stop();
    expect(replayed.filter((e) => e.type.startsWith("chat.") || e.audience === "CHAT")).toEqual([]);
    await expect(listChats(teammate)).rejects.toBeInstanceOf(NotFoundError);
    await expect(say(teammate, conversationId, "hi")).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createChannel(manager, { departmentId: dept.id, name: "New", clientId: cid() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await setChatOption(admin, true);
    expect((await getChatThread(manager, conversationId)).messages.map((m) => m.body)).toEqual(["kept"]);
    expect(
      await db.auditEntry.count({
        where: { organizationId: admin.organizationId, action: { in: ["chat.enabled", "chat.disabled"] } },
      }),
    ).toBe(2);
  });

  it("private notes never reach chat: not on its stream, not in its search", async () => {
    const { manager, teammate, dept } = await chatOrg();
    const { conversationId } = await createChannel(manager, { departmentId: dept.id, name: "Care", clientId: cid() });
    await joinChannel(teammate, conversationId);
    const feed = await listen(teammate);
    await addPrivateNote(manager, { conversationId: teammate.threadId, body: "confidential remark", clientId: cid() });
    await say(manager, conversationId, "public words");
    await until(() => feed.bodies().includes("public words"));
    feed.stop();
    expect(JSON.stringify(feed.got)).not.toContain("confidential");
    expect(await searchChats(teammate, "confidential")).toEqual([]);
    expect(await searchChats(manager, "confidential")).toEqual([]);
  });
});
