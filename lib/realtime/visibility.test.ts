import { describe, expect, it } from "vitest";
import { canSee, follow, type LoggedEvent, type Viewer } from "./visibility";

const staff: Viewer = { userId: "m", organizationId: "o", isStaff: true, memberOf: new Set() };
const teammate: Viewer = { userId: "t", organizationId: "o", isStaff: false, memberOf: new Set(["thread-t"]) };
const ev = (e: Partial<LoggedEvent>): LoggedEvent => ({
  id: 1,
  organizationId: "o",
  type: "x",
  audience: "MEMBERS",
  conversationId: "thread-t",
  userId: null,
  payload: "{}",
  ...e,
});

describe("canSee", () => {
  it("keeps staff-only events from teammates", () => {
    const note = ev({ type: "note.created", audience: "STAFF" });
    expect(canSee(note, staff)).toBe(true);
    expect(canSee(note, teammate)).toBe(false);
  });

  it("gives members' events to staff and to members only", () => {
    expect(canSee(ev({}), staff)).toBe(true);
    expect(canSee(ev({}), teammate)).toBe(true);
    expect(canSee(ev({ conversationId: "thread-other" }), teammate)).toBe(false);
  });

  it("gives a user's own events to that user only", () => {
    const read = ev({ audience: "USER", userId: "m" });
    expect(canSee(read, staff)).toBe(true);
    expect(canSee(read, { ...staff, userId: "m2" })).toBe(false);
  });

  it("never crosses organisations", () => {
    expect(canSee(ev({ organizationId: "other", audience: "STAFF" }), staff)).toBe(false);
    expect(canSee(ev({ organizationId: "other" }), teammate)).toBe(false);
  });

  it("gives chat events to current members only (staff included), and a public one to its department until they leave", () => {
    const manager: Viewer = { ...staff, memberOf: new Set() };
    const tess: Viewer = { ...teammate, memberOf: new Set(["thread-t"]), departmentId: "care", left: new Set() };
    const group = ev({ type: "chat.message", audience: "CHAT", conversationId: "g1" });
    const channel = ev({ type: "chat.message", audience: "CHAT", conversationId: "c1", departmentId: "care" });
    expect(canSee(group, manager)).toBe(false);
    expect(canSee(group, tess)).toBe(false);
    expect(canSee(channel, tess)).toBe(true);
    expect(canSee(channel, { ...tess, departmentId: "kitchen" })).toBe(false);
    expect(canSee(channel, manager)).toBe(false);

    // Joining a group lets its next events through; leaving stops them, in event order.
    follow(ev({ type: "chat.joined", audience: "USER", userId: "t", conversationId: "g1" }), tess);
    expect(canSee(group, tess)).toBe(true);
    follow(ev({ type: "chat.left", audience: "USER", userId: "t", conversationId: "g1" }), tess);
    follow(ev({ type: "chat.left", audience: "USER", userId: "t", conversationId: "c1" }), tess);
    expect(canSee(group, tess)).toBe(false);
    expect(canSee(channel, tess)).toBe(false);
    // Someone else's joining changes nothing for this viewer.
    follow(ev({ type: "chat.joined", audience: "USER", userId: "m", conversationId: "g1" }), tess);
    expect(canSee(group, tess)).toBe(false);
  });
});
