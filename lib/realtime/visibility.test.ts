import { describe, expect, it } from "vitest";
import { canSee, type LoggedEvent, type Viewer } from "./visibility";

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
});
