import { describe, expect, it } from "vitest";
import { Connectivity } from "./connectivity";

/** A page's network, played by the test: each request gets the next planned outcome. */
function world() {
  const plan: (number | "no-network" | "abort")[] = [];
  const asked: string[] = [];
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let ids = 0;
  const net = new Connectivity({
    fetch: async (input) => {
      asked.push(String(input));
      const next = plan.shift() ?? 200;
      if (next === "no-network") throw new TypeError("Failed to fetch");
      if (next === "abort") throw new DOMException("The user aborted a request.", "AbortError");
      return new Response("{}", { status: next });
    },
    setTimeout: (fn, ms) => (timers.set(++ids, { fn, ms }), ids),
    clearTimeout: (id) => void timers.delete(id as number),
  });
  const changes: string[] = [];
  net.subscribe(() => changes.push(net.reach));
  let back = 0;
  net.onBack(() => back++);
  /** Runs the next scheduled try, as if its time had come; its delay. */
  const tick = async () => {
    const [id, next] = [...timers][0] ?? [];
    if (!next) throw new Error("nothing scheduled");
    timers.delete(id!);
    next.fn();
    await new Promise((r) => setTimeout(r, 0));
    return next.ms;
  };
  return { net, plan, asked, timers, changes, backCount: () => back, tick };
}

describe("connectivity: what the page observes", () => {
  it("a request without an answer, and Shiftline silent too, makes the page offline; a later answer brings it back once", async () => {
    const w = world();
    w.plan.push("no-network", "no-network");
    await expect(w.net.fetch("/api/conversations/c/messages", { method: "POST" })).rejects.toThrow("Failed to fetch");
    // The page asked /api/ping at once: no answer either.
    await expect.poll(() => w.net.reach).toBe("offline");
    expect(w.backCount()).toBe(0);

    // It asks again by itself; the first try still fails, the second answers.
    w.plan.push("no-network", 200);
    await w.tick();
    expect(w.net.reach).toBe("offline");
    await w.tick();
    expect(w.net.reach).toBe("online");
    expect(w.asked).toEqual(["/api/conversations/c/messages", "/api/ping", "/api/ping", "/api/ping"]);
    expect(w.changes).toEqual(["offline", "online"]);
    expect(w.backCount()).toBe(1);
    // Nothing more is scheduled once Shiftline answers.
    expect(w.timers.size).toBe(0);
  });

  it("one request's bad luck (a reset connection) while Shiftline answers is not offline", async () => {
    const w = world();
    w.plan.push("no-network", 200);
    await expect(w.net.fetch("/api/conversations/c/messages", { method: "POST" })).rejects.toThrow();
    // Positive control: the page did ask, and was answered.
    await expect.poll(() => w.asked).toEqual(["/api/conversations/c/messages", "/api/ping"]);
    expect(await w.net.probe()).toBe(200);
    expect(w.changes).toEqual([]);
    expect(w.timers.size).toBe(0);
  });

  it("asks again sooner, then less often, never more than every 15 s", async () => {
    const w = world();
    w.net.unreachable("offline");
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      w.plan.push("no-network");
      delays.push(await w.tick());
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
    w.plan.push(200);
    await w.tick();
    expect(w.net.reach).toBe("online");
    // After a recovery, the next outage starts again from the shortest delay.
    w.net.unreachable("offline");
    expect([...w.timers.values()].map((t) => t.ms)).toEqual([1000]);
  });

  it("a proxy's 502-504 means Shiftline is down, not the phone offline; any other answer means it answered", async () => {
    const w = world();
    w.plan.push(503);
    expect((await w.net.fetch("/api/chat/unread")).status).toBe(503);
    expect(w.net.reach).toBe("down");
    w.plan.push(401);
    expect(await w.net.probe()).toBe(401);
    expect(w.net.reach).toBe("online");
    w.plan.push(500, 404);
    await w.net.fetch("/x");
    await w.net.fetch("/y");
    expect(w.changes).toEqual(["down", "online"]);
  });

  it("a request the page itself cancelled says nothing about the network", async () => {
    const w = world();
    w.plan.push("abort");
    await expect(w.net.fetch("/api/inbox/contacts")).rejects.toThrow();
    // Positive control: a real failure right after does make the page ask.
    w.plan.push("no-network", "no-network");
    await expect(w.net.fetch("/api/inbox/contacts")).rejects.toThrow();
    await expect.poll(() => w.changes).toEqual(["offline"]);
    expect(w.asked).toEqual(["/api/inbox/contacts", "/api/inbox/contacts", "/api/ping"]);
  });

  it("one probe at a time: several callers share the answer", async () => {
    const w = world();
    const answers = await Promise.all([w.net.probe(), w.net.probe(), w.net.probe()]);
    expect(answers).toEqual([200, 200, 200]);
    expect(w.asked).toEqual(["/api/ping"]);
    w.plan.push("no-network");
    expect(await w.net.probe()).toBeNull();
    expect(w.net.reach).toBe("offline");
  });
});
