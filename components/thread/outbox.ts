import type { ActionFailure, ActionResult } from "@/lib/api/result";
import type { WireMessage } from "@/lib/realtime/event-types";
import { isGatewayFailure } from "@/components/live/connectivity";
import type { PendingMessage } from "./pending-messages";

// The device's outbox of one conversation: messages shown at once, sent with their own client
// id (stored once however often they are sent), kept while Shiftline cannot be reached and
// sent again when it answers. No React here: the composer holds one through useOutbox, and
// the tests drive it with a network they script.

export type OutboxNetwork = {
  /** Posts one message (the send endpoint); throws when no answer came. */
  post(item: PendingMessage): Promise<Response>;
  /** Whether Shiftline answers at all, asked after a request got no answer. */
  reachable(): Promise<boolean>;
};

export type OutboxEvents = {
  /** The stored message, to show before its live event arrives. */
  sent?(message: WireMessage): void;
  /** Shiftline refused it (in words): it leaves the outbox and its text goes back to the composer. */
  refused?(item: PendingMessage, failure: ActionFailure): void;
};

export class Outbox {
  private list: PendingMessage[] = [];
  private listeners = new Set<() => void>();

  private events: OutboxEvents = {};

  constructor(
    private readonly network: OutboxNetwork,
    private readonly words: { networkError: string },
  ) {}

  /** Who hears what became of a message (the composer, as it renders). */
  on(events: OutboxEvents): void {
    this.events = events;
  }

  get items(): readonly PendingMessage[] {
    return this.list;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** What the page shows: a sent message leaves once the page has it (its seq is in). */
  visible(latestSeq: number): PendingMessage[] {
    return this.list.filter((m) => !(m.status === "sent" && (m.sentAtSeq ?? 0) <= latestSeq));
  }

  /** A new message from the composer: shown at once and sent. Sent ones the page already has go. */
  send(item: Omit<PendingMessage, "status">, latestSeq: number): Promise<void> {
    const pending: PendingMessage = { ...item, status: "sending" };
    this.set([...this.visible(latestSeq), pending]);
    return this.deliver(pending.clientId);
  }

  /** Messages kept on the device from an earlier visit: back in the outbox (once each), and sent again. */
  restore(saved: PendingMessage[]): Promise<void[]> {
    const fresh = saved.filter((m) => !this.list.some((x) => x.clientId === m.clientId));
    this.set([...this.list, ...fresh.map((m) => ({ ...m, status: "failed" as const }))]);
    return Promise.all(fresh.map((m) => this.deliver(m.clientId)));
  }

  /** Shiftline answers again: what failed or waited for it goes again, with the same client ids. */
  resendWaiting(): Promise<void[]> {
    return Promise.all(
      this.list.filter((m) => m.status === "failed" || m.status === "waiting").map((m) => this.deliver(m.clientId)),
    );
  }

  retry(clientId: string): Promise<void> {
    return this.deliver(clientId);
  }

  /** "Edit": the message leaves the outbox and comes back to the composer. */
  take(clientId: string): PendingMessage | undefined {
    const item = this.list.find((m) => m.clientId === clientId);
    if (item) this.patch(clientId, null);
    return item;
  }

  private async deliver(clientId: string): Promise<void> {
    const item = this.list.find((m) => m.clientId === clientId);
    if (!item || item.status === "sent") return;
    this.patch(clientId, { status: "sending", error: undefined });
    let response: Response;
    try {
      response = await this.network.post(item);
    } catch {
      // No answer. When Shiftline is silent too, the network is gone: the message waits on the
      // device and goes by itself once Shiftline answers. Otherwise it was this request's bad
      // luck: Retry, no loop.
      const reachable = await this.network.reachable();
      return this.patch(
        clientId,
        reachable ? { status: "failed", error: this.words.networkError } : { status: "waiting" },
      );
    }
    // A proxy saying Shiftline is away: wait for it, as for a lost network.
    if (isGatewayFailure(response.status)) return this.patch(clientId, { status: "waiting" });
    let result: ActionResult<{ seq: number; message: WireMessage }>;
    try {
      result = (await response.json()) as ActionResult<{ seq: number; message: WireMessage }>;
    } catch {
      return this.patch(clientId, { status: "failed", error: this.words.networkError });
    }
    if (result.ok) {
      this.patch(clientId, { status: "sent", sentAtSeq: result.seq });
      this.events.sent?.(result.message);
    } else {
      this.patch(clientId, null);
      this.events.refused?.(item, result);
    }
  }

  private patch(clientId: string, change: Partial<PendingMessage> | null) {
    this.set(
      change
        ? this.list.map((m) => (m.clientId === clientId ? { ...m, ...change } : m))
        : this.list.filter((m) => m.clientId !== clientId),
    );
  }

  private set(list: PendingMessage[]) {
    this.list = list;
    for (const l of this.listeners) l();
  }
}
