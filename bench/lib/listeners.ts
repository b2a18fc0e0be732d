import { setMaxListeners } from "node:events";

// Many Server-Sent Events listeners in one process, each recording when an event arrived.

export type Arrival = { listener: number; conversationId: string; seq: number; at: number };

export async function openListeners(base: string, cookies: string[], onEvent: (a: Arrival) => void): Promise<{ close: () => void }> {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  let opened = 0;
  await Promise.all(
    cookies.map(async (cookie, listener) => {
      const res = await fetch(`${base}/api/events`, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
      if (!res.ok || !res.body) throw new Error(`listener ${listener}: HTTP ${res.status}`);
      opened++;
      void (async () => {
        const decoder = new TextDecoder();
        let buffer = "";
        try {
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
            buffer += decoder.decode(chunk, { stream: true });
            let end: number;
            while ((end = buffer.indexOf("\n\n")) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = block.split("\n").find((l) => l.startsWith("data: "));
              if (!block.includes("event: message.created") || !data) continue;
              const payload = JSON.parse(data.slice(6)) as { conversationId: string; seq: number };
              onEvent({ listener, conversationId: payload.conversationId, seq: payload.seq, at: performance.now() });
            }
          }
        } catch {
          // aborted at the end of the run
        }
      })();
    }),
  );
  if (opened !== cookies.length) throw new Error("not every listener connected");
  return { close: () => controller.abort() };
}
