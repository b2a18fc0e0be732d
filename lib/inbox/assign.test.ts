import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { cid, makeOrg } from "@/tests/helpers/org";
import { sendMessage } from "@/lib/dispatch";
import { unreadBadge } from "@/lib/push/badge";
import { listInboxContacts } from "./contacts";
import { assignableStaff, assignThread, threadOwner } from "./assign";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const { assignThreadAction } = await import("./actions");

const events = (organizationId: string) =>
  db.event.findMany({ where: { organizationId, type: "thread.assigned" }, orderBy: { seq: "asc" } });
const audits = (organizationId: string) =>
  db.auditEntry.findMany({ where: { organizationId, targetType: "Conversation" }, orderBy: { createdAt: "asc" } });

describe("assigning a thread", () => {
  beforeEach(() => {
    session.user = null;
  });

  it("gives it to a manager, then another, then no one: owner, audit history and a staff-only event each time", async () => {
    const { org, manager, manager2, teammate } = await makeOrg();
    expect(await assignThread(manager, teammate.threadId, manager.id)).toEqual({ changed: true });
    expect(await assignThread(manager, teammate.threadId, manager.id)).toEqual({ changed: false }); // already theirs
    expect(await threadOwner(manager2, teammate.threadId)).toMatchObject({
      assignee: { id: manager.id, name: `${manager.firstName} ${manager.lastName}` },
      assignedAt: expect.any(Date),
      assignedBy: `${manager.firstName} ${manager.lastName}`,
    });
    await assignThread(manager, teammate.threadId, manager2.id);
    await assignThread(manager2, teammate.threadId, null);
    expect((await threadOwner(manager, teammate.threadId)).assignee).toBeNull();

    const logged = await events(org.id);
    expect(logged.map((e) => e.audience)).toEqual(["STAFF", "STAFF", "STAFF"]);
    expect(logged.map((e) => (e.payload as { assignee: { id: string } | null }).assignee?.id ?? null)).toEqual([
      manager.id,
      manager2.id,
      null,
    ]);
    const history = await audits(org.id);
    expect(history.map((a) => [a.action, a.actorId])).toEqual([
      ["thread.assigned", manager.id],
      ["thread.assigned", manager.id],
      ["thread.unassigned", manager2.id],
    ]);
    expect(history[1]!.data).toMatchObject({
      name: `${teammate.firstName} ${teammate.lastName}`,
      assignee: `${manager2.firstName} ${manager2.lastName}`,
      previousId: manager.id,
    });
  });

  it("gives threads only to managers with messaging in the organisation, and lists them", async () => {
    const { manager, manager2, teammate, teammate2 } = await makeOrg();
    const other = await makeOrg("Other");
    await db.user.update({ where: { id: manager2.id }, data: { messagingAccess: false } });
    for (const who of [teammate2.id, manager2.id, other.manager.id, "nobody"])
      await expect(assignThread(manager, teammate.threadId, who)).rejects.toMatchObject({
        text: { key: "errors.assigneeNotStaff" },
      });
    expect((await threadOwner(manager, teammate.threadId)).assignee).toBeNull();
    expect((await assignableStaff(manager)).map((p) => p.id)).not.toContain(manager2.id);
    expect((await assignableStaff(manager)).map((p) => p.id)).toContain(manager.id);
  });

  it("refuses without a session, a teammate, a manager without messaging and another organisation, writing nothing", async () => {
    const { org, manager, manager2, teammate } = await makeOrg();
    const other = await makeOrg("Other");
    const fields = (assigneeId: string) => {
      const f = new FormData();
      f.set("conversationId", teammate.threadId);
      f.set("assigneeId", assigneeId);
      return f;
    };
    expect(await assignThreadAction(null, fields(manager.id))).toMatchObject({ ok: false });
    session.user = teammate;
    expect(await assignThreadAction(null, fields(manager.id))).toMatchObject({ ok: false });
    session.user = { ...manager2, messagingAccess: false };
    expect(await assignThreadAction(null, fields(manager.id))).toMatchObject({ ok: false });
    session.user = other.admin;
    expect(await assignThreadAction(null, fields(other.admin.id))).toMatchObject({
      ok: false,
      error: "This conversation was not found.",
    });
    session.user = manager;
    expect(await assignThreadAction(null, fields("not an id!"))).toMatchObject({
      ok: false,
      fieldErrors: { assigneeId: ["Choose a manager who has messaging rights."] },
    });
    expect(await events(org.id)).toEqual([]);
    expect(await audits(org.id)).toEqual([]);
    // The positive control: the same action by the manager does assign.
    expect(await assignThreadAction(null, fields(manager2.id))).toMatchObject({ ok: true, changed: true });
    expect(await events(org.id)).toHaveLength(1);
  });

  it("filters the contact list by Mine and Unassigned, and shows each row's owner", async () => {
    const { manager, manager2, teammate, teammate2 } = await makeOrg();
    await assignThread(manager, teammate.threadId, manager.id);
    const ids = async (user: SessionUser, owner?: "mine" | "unassigned") =>
      (await listInboxContacts(user, { owner })).contacts.map((c) => c.conversationId);
    expect(await ids(manager, "mine")).toEqual([teammate.threadId]);
    expect(await ids(manager2, "mine")).toEqual([]);
    expect(await ids(manager2, "unassigned")).toEqual([teammate2.threadId]);
    expect((await ids(manager)).sort()).toEqual([teammate.threadId, teammate2.threadId].sort());
    const row = (await listInboxContacts(manager2)).contacts.find((c) => c.conversationId === teammate.threadId);
    expect(row).toMatchObject({ assigneeId: manager.id, assigneeName: `${manager.firstName} ${manager.lastName}` });
  });

  it("counts a teammate's reply to an assigned thread for its owner first: not on a colleague's badge", async () => {
    const { manager, manager2, teammate, teammate2 } = await makeOrg();
    await assignThread(manager, teammate.threadId, manager.id);
    await sendMessage(teammate, { conversationId: teammate.threadId, body: "For my manager", clientId: cid() });
    await sendMessage(teammate2, { conversationId: teammate2.threadId, body: "For anyone", clientId: cid() });
    expect(await unreadBadge(manager, false)).toBe(2);
    expect(await unreadBadge(manager2, false)).toBe(1); // the unassigned thread only
  });
});
