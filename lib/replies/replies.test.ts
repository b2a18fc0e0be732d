import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { cid, makeOrg } from "@/tests/helpers/org";
import { createShift } from "@/lib/seed/factories";
import { askAboutShift } from "@/lib/schedule/questions";
import { sendInboxMessage } from "@/lib/inbox/send";
import { listSavedReplies, mayEditShared, replyValues } from "./queries";
import { archiveReply, moveReply, saveReply, setReplyPolicy } from "./manage";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const { saveReplyAction } = await import("./actions");

const reply = (
  title: string,
  more: Partial<{ scope: "mine" | "shared"; bodyEn: string | null; bodyFr: string | null }> = {},
) => ({
  title,
  scope: "mine" as const,
  bodyEn: `${title} text`,
  bodyFr: null,
  ...more,
});
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("saved replies", () => {
  beforeEach(() => {
    session.user = null;
  });

  it("are a manager's own (no colleague sees them) or the organisation's (everyone's), in their order", async () => {
    const { admin, manager, manager2 } = await makeOrg();
    const other = await makeOrg("Other");
    const a = await saveReply(manager, reply("Available?"));
    const b = await saveReply(manager, reply("Thanks"));
    await saveReply(admin, reply("Welcome", { scope: "shared" }));
    expect((await listSavedReplies(manager)).map((r) => r.title)).toEqual(["Available?", "Thanks", "Welcome"]);
    expect((await listSavedReplies(manager2)).map((r) => r.title)).toEqual(["Welcome"]);
    expect(await listSavedReplies(other.manager)).toEqual([]);
    await moveReply(manager, b.id, "up");
    expect((await listSavedReplies(manager)).map((r) => r.title)).toEqual(["Thanks", "Available?", "Welcome"]);
    await archiveReply(manager, a.id, true);
    expect((await listSavedReplies(manager)).map((r) => r.title)).toEqual(["Thanks", "Welcome"]);
    expect((await listSavedReplies(manager, { archived: true })).find((r) => r.id === a.id)?.archived).toBe(true);
    // A colleague's own reply is not theirs to change; another organisation's is not found.
    await expect(archiveReply(manager2, b.id, true)).rejects.toMatchObject({ text: { key: "errors.notFound.item" } });
    await expect(archiveReply(other.manager, b.id, true)).rejects.toMatchObject({
      text: { key: "errors.notFound.item" },
    });
  });

  it("of the organisation are written by admins, and by managers once an admin allows it", async () => {
    const { admin, manager } = await makeOrg();
    const shared = await saveReply(admin, reply("Policy", { scope: "shared" }));
    expect(await mayEditShared(manager)).toBe(false);
    await expect(saveReply(manager, reply("Mine to share", { scope: "shared" }))).rejects.toMatchObject({
      text: { key: "errors.sharedRepliesAdminOnly" },
    });
    await expect(archiveReply(manager, shared.id, true)).rejects.toMatchObject({
      text: { key: "errors.sharedRepliesAdminOnly" },
    });
    await expect(setReplyPolicy(manager, true)).rejects.toThrow();
    await setReplyPolicy(admin, true);
    expect(await mayEditShared(manager)).toBe(true);
    await saveReply(manager, { ...reply("Policy, revised", { scope: "shared" }), id: shared.id });
    expect((await listSavedReplies(admin)).map((r) => r.title)).toEqual(["Policy, revised"]);
  });

  it("refuses bad input with a clear message and writes nothing; teammates may not write any", async () => {
    const { manager, teammate } = await makeOrg();
    session.user = manager;
    expect(await saveReplyAction(null, form({ title: "", bodyEn: "", bodyFr: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { title: ["Give the reply a title."], bodyEn: ["Write the reply in English, French or both."] },
      values: { title: "" },
    });
    session.user = teammate;
    expect(await saveReplyAction(null, form({ title: "Hi", bodyEn: "Hello" }))).toMatchObject({ ok: false });
    expect(await db.savedReply.count({ where: { organizationId: manager.organizationId } })).toBe(0);
    session.user = manager; // the positive control
    const saved = await saveReplyAction(null, form({ title: "Hi", bodyEn: "Hello" }));
    expect(saved).toMatchObject({ ok: true });
    expect(await db.savedReply.count({ where: { organizationId: manager.organizationId } })).toBe(1);
  });

  it("fill from the thread in the teammate's language and the organisation's time zone: the shift asked about first", async () => {
    const { org, dept, manager, teammate } = await makeOrg();
    const activity = await db.activity.create({ data: { organizationId: org.id, name: "Night round" } });
    const later = await db.activity.create({ data: { organizationId: org.id, name: "Morning care" } });
    // Paris is UTC+1 in December: 07:00Z is 08:00 there.
    const next = await createShift(db, {
      organizationId: org.id,
      activityId: later.id,
      departmentId: dept.id,
      place: "Rue Haute",
      startsAt: new Date("2030-12-13T07:00:00Z"),
      endsAt: new Date("2030-12-13T15:00:00Z"),
      assignees: [teammate.id],
    });
    expect(next.id).toBeTruthy();
    await db.user.update({ where: { id: teammate.id }, data: { locale: "fr" } });
    expect(await replyValues(manager, teammate.threadId, new Date("2030-12-01T00:00:00Z"))).toEqual({
      locale: "fr",
      values: {
        firstName: teammate.firstName,
        myFirstName: manager.firstName,
        shiftDate: expect.stringMatching(/^vendredi 13 décembre/),
        shiftStart: "08:00",
        shiftEnd: "16:00",
        shiftPlace: "Rue Haute",
        shiftActivity: "Morning care",
      },
    });
    const asked = await createShift(db, {
      organizationId: org.id,
      activityId: activity.id,
      departmentId: dept.id,
      place: "Annexe",
      startsAt: new Date("2030-12-20T21:00:00Z"),
      endsAt: new Date("2030-12-21T05:00:00Z"),
      assignees: [teammate.id],
    });
    await askAboutShift(teammate, { kind: "SHIFT_QUESTION", shiftId: asked.id, body: "Parking?", clientId: cid() });
    const values = (await replyValues(manager, teammate.threadId, new Date("2030-12-01T00:00:00Z"))).values;
    expect(values).toMatchObject({ shiftStart: "22:00", shiftEnd: "06:00", shiftActivity: "Night round" });
    // Past shifts, or none at all: the shift's variables have no value.
    expect((await replyValues(manager, teammate.threadId, new Date("2031-01-01T00:00:00Z"))).values.shiftDate).toBe(
      undefined,
    );
  });

  it("never leave with a variable unfilled: staff's message is refused and not stored", async () => {
    const { manager, teammate } = await makeOrg();
    await expect(
      sendInboxMessage(manager, { conversationId: teammate.threadId, body: "See you {{shiftDate}}", clientId: cid() }),
    ).rejects.toMatchObject({ text: { key: "errors.unfilledVariable", values: { name: "{{shiftDate}}" } } });
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(0);
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body: "See you Friday", clientId: cid() });
    expect(await db.message.count({ where: { conversationId: teammate.threadId } })).toBe(1);
  });
});
