import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import {
  allowSignal,
  presenceNow,
  reportPresence,
  sweepPresence,
  TYPING_TTL_MS,
  VIEW_TTL_MS,
  watchPresence,
} from "./presence";
import type { PresenceWire } from "./presence-types";

const signal = (over: Partial<Parameters<typeof reportPresence>[1]> = {}) => ({
  userId: "maya",
  name: "Maya Manager",
  tab: "tab00001",
  conversationId: "thread-1",
  typing: null,
  ...over,
});

function watched(org: string) {
  const got: PresenceWire[] = [];
  const stop = watchPresence(org, (m) => got.push(m));
  return { got, stop };
}

describe("presence", () => {
  it("tells a change once: a repeat only keeps the entry alive", () => {
    const org = randomUUID();
    const w = watched(org);
    const t0 = 1_000_000;
    reportPresence(org, signal(), false, t0);
    reportPresence(org, signal(), false, t0 + 3000);
    reportPresence(org, signal({ typing: "note" }), false, t0 + 4000);
    reportPresence(org, signal({ typing: "note" }), false, t0 + 5000);
    reportPresence(org, signal({ conversationId: "thread-2" }), false, t0 + 6000);
    expect(w.got).toEqual([
      { set: { key: "maya:tab00001", userId: "maya", name: "Maya Manager", conversationId: "thread-1", typing: null } },
      { set: expect.objectContaining({ conversationId: "thread-1", typing: "note" }) },
      { set: expect.objectContaining({ conversationId: "thread-2", typing: null }) },
    ]);
    expect(presenceNow(org)).toEqual([expect.objectContaining({ conversationId: "thread-2" })]);
    reportPresence(org, signal({ conversationId: null }), false, t0 + 7000);
    expect(w.got.at(-1)).toEqual({ gone: "maya:tab00001" });
    expect(presenceNow(org)).toEqual([]);
    w.stop();
  });

  it("lets typing fall back to viewing, then the entry go, when the signals stop", () => {
    const org = randomUUID();
    const w = watched(org);
    const now = Date.now();
    reportPresence(org, signal({ typing: "reply" }), false, now);
    reportPresence(org, signal({ userId: "nina", name: "Nina", tab: "tab00002" }), false, now);
    sweepPresence(now + TYPING_TTL_MS - 1);
    expect(w.got).toHaveLength(2);
    sweepPresence(now + TYPING_TTL_MS);
    expect(w.got[2]).toEqual({ set: expect.objectContaining({ key: "maya:tab00001", typing: null }) });
    sweepPresence(now + VIEW_TTL_MS);
    expect(w.got.slice(3)).toEqual([{ gone: "maya:tab00001" }, { gone: "nina:tab00002" }]);
    expect(presenceNow(org)).toEqual([]);
    w.stop();
  });

  it("keeps organisations apart", () => {
    const a = randomUUID();
    const b = randomUUID();
    const w = watched(b);
    reportPresence(a, signal());
    expect(presenceNow(a)).toHaveLength(1);
    expect(presenceNow(b)).toEqual([]);
    reportPresence(b, signal({ userId: "other" }));
    expect(w.got).toHaveLength(1); // the positive control: b's own signal arrived, a's never did
    expect(JSON.stringify(w.got)).not.toContain('"maya"');
    w.stop();
  });

  it("allows a burst of signals, then about one a second", () => {
    const user = randomUUID();
    const t0 = 5_000_000;
    const burst = Array.from({ length: 12 }, () => allowSignal(user, t0));
    expect(burst.filter(Boolean)).toHaveLength(10);
    expect(allowSignal(user, t0 + 500)).toBe(false);
    expect(allowSignal(user, t0 + 1000)).toBe(true);
  });
});
