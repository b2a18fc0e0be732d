import { setMaxListeners } from "node:events";
import { readEvents } from "./sse";

// Many Server-Sent Events listeners in one process, each recording when an event arrived.

export type Arrival = { listener: number; conversationId: string; seq: number; body: string; at: number };

export async function openListeners(
  base: string,
  cookies: string[],
  onEvent: (a: Arrival) => void,
  /** The event type to record: an inbox message, or a chat message (bench/chat.ts). */
  eventType: "message.created" | "chat.message" = "message.created",
): Promise<{ close: () => void }> {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  let opened = 0;
  await Promise.all(
    cookies.map(async (cookie, listener) => {
      const res = await fetch(`${base}/api/events`, {
        headers: { cookie, accept: "text/event-stream" },
        signal: controller.signal,
      });
      if (!res.ok || !res.body) throw new Error(`listener ${listener}: HTTP ${res.status}`);
      opened++;
      void readEvents(res, (type, data) => {
        if (type !== eventType) return;
        const payload = data as { conversationId: string; message: { seq: number; body: string } };
        onEvent({
          listener,
          conversationId: payload.conversationId,
          seq: payload.message.seq,
          body: payload.message.body,
          at: performance.now(),
        });
      });
    }),
  );
  if (opened !== cookies.length) throw new Error("not every listener connected");
  return { close: () => controller.abort() };
}
