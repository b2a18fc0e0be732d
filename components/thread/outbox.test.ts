import { describe, expect, it } from "vitest";
import type { ActionFailure } from "@/lib/api/result";
import type { WireMessage } from "@/lib/realtime/event-types";
import { Outbox } from "./outbox";
import type { PendingMessage } from "./pending-messages";

type Outcome = "no-answer" | { status: number; body?: unknown; raw?: string };

/** A page's network, played by the test: each post gets the next planned outcome; `up` is whether Shiftline answers a probe. */
function world(...plan: Outcome[]) {
  const posted: PendingMessage[] = [];
  const state = { up: true };
  const sent: WireMessage[] = [];
  const refused: { item: PendingMessage; failure: ActionFailure }[] = [];
  const outbox = new Outbox(
    {
      post: async (item) => {
        posted.push(item);
        const next = plan.shift() ?? ok(posted.length);
        if (next === "no-answer") throw new TypeError("Failed to fetch");
        return new Response(next.raw ?? JSON.stringify(next.body ?? {}), { status: next.status });
      },
      reachable: async () => state.up,
    },
    { networkError: "Not sent: the network failed." },
  );
  outbox.on({ sent: (m) => sent.push(m), refused: (item, failure) => refused.push({ item, failure }) });
  return { outbox, posted, state, sent, refused, statuses: () => outbox.items.map((m) => m.status) };
}

const message = (seq: number) => ({ id: `m${seq}`, seq, body: "b" }) as unknown as WireMessage;
const ok = (seq: number): Outcome => ({ status: 200, body: { ok: true, seq, message: message(seq) } });
const item = (clientId: string, body = "Hello") => ({ clientId, body });

describe("the device outbox", () => {
  it("shows a message at once and marks it sent with its seq; it leaves once the page has that seq", async () => {
    const w = world(ok(7));
    const sending = w.outbox.send(item("c1"), 6);
    expect(w.statuses()).toEqual(["sending"]);
    await sending;
    expect(w.outbox.items).toMatchObject([{ clientId: "c1", status: "sent", sentAtSeq: 7 }]);
    expect(w.sent.map((m) => m.seq)).toEqual([7]);
    expect(w.outbox.visible(6)).toHaveLength(1);
    expect(w.outbox.visible(7)).toEqual([]);
  });

  it("no answer and Shiftline silent too: the message waits, and goes once with the same client id when Shiftline is back", async () => {
    const w = world("no-answer");
    w.state.up = false;
    await w.outbox.send(item("c1"), 0);
    expect(w.statuses()).toEqual(["waiting"]);
    w.state.up = true;
    await w.outbox.resendWaiting();
    expect(w.statuses()).toEqual(["sent"]);
    expect(w.posted.map((p) => p.clientId)).toEqual(["c1", "c1"]);
    // A second "back" sends nothing again.
    await w.outbox.resendWaiting();
    expect(w.posted).toHaveLength(2);
  });

  it("no answer while Shiftline answers a probe: this request's bad luck, Retry, no loop", async () => {
    const w = world("no-answer");
    await w.outbox.send(item("c1"), 0);
    expect(w.outbox.items).toMatchObject([{ status: "failed", error: "Not sent: the network failed." }]);
    expect(w.posted).toHaveLength(1);
    await w.outbox.retry("c1");
    expect(w.statuses()).toEqual(["sent"]);
  });

  it("a proxy saying Shiftline is away (502-504) is waited for, not shown as an error", async () => {
    for (const status of [502, 503, 504]) {
      const w = world({ status });
      await w.outbox.send(item("c1"), 0);
      expect(w.statuses()).toEqual(["waiting"]);
    }
  });

  it("a refusal in words leaves the outbox and hands the text back, once", async () => {
    const failure = { ok: false, error: "This message is too long." };
    const w = world({ status: 400, body: failure });
    await w.outbox.send(item("c1", "Too long"), 0);
    expect(w.outbox.items).toEqual([]);
    expect(w.refused).toEqual([{ item: expect.objectContaining({ clientId: "c1", body: "Too long" }), failure }]);
    expect(w.sent).toEqual([]);
  });

  it("an answer that is not JSON (a captive portal's page) is a failure to retry, never lost", async () => {
    const w = world({ status: 200, raw: "<html>Log in to the Wi-Fi</html>" });
    await w.outbox.send(item("c1"), 0);
    expect(w.outbox.items).toMatchObject([{ clientId: "c1", status: "failed" }]);
  });

  it("messages kept on the device come back once each and are sent again with their own client ids", async () => {
    const w = world();
    await w.outbox.send(item("c1"), 0);
    const saved = [
      { ...item("c1"), status: "failed" as const },
      { ...item("c2", "From before the reload"), status: "failed" as const },
    ];
    await w.outbox.restore(saved);
    expect(w.outbox.items.map((m) => m.clientId)).toEqual(["c1", "c2"]);
    expect(w.posted.map((p) => p.clientId)).toEqual(["c1", "c2"]);
  });

  it("Edit takes the message out of the outbox; a later 'back' does not send it", async () => {
    const w = world("no-answer");
    w.state.up = false;
    await w.outbox.send(item("c1", "Fix me"), 0);
    expect(w.outbox.take("c1")).toMatchObject({ body: "Fix me" });
    expect(w.outbox.items).toEqual([]);
    await w.outbox.resendWaiting();
    expect(w.posted).toHaveLength(1);
  });
});
