// Many staff event streams in a process of their own, so that reading them does not slow
// the process that sends and times the messages (bench/streams.ts). Reads one line of
// JSON on stdin ({ base, cookies }), opens one stream per cookie and prints `{"open":n}`.
// Then each line "report" prints what arrived: message events in all, streams that got
// `expected` of them, and send-to-receive times (a message's body carries `@<Date.now()>`
// of its send); "reset" forgets them. "end" closes every stream and exits.
import { createInterface } from "node:readline";
import { setMaxListeners } from "node:events";
import { stats } from "./measure";

const MARK = "event: message.created\n";
const lines = createInterface({ input: process.stdin });
const controller = new AbortController();
setMaxListeners(0, controller.signal);
const counts: number[] = [];
const latencies: number[] = [];

async function read(res: Response, k: number) {
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      const end = buffer.lastIndexOf("\n\n");
      if (end < 0) continue;
      const now = Date.now();
      for (const block of buffer.slice(0, end).split("\n\n")) {
        if (!block.startsWith(MARK, block.indexOf("event: "))) continue;
        counts[k]!++;
        const sent = /@(\d+)/.exec(block);
        if (sent) latencies.push(now - Number(sent[1]));
      }
      buffer = buffer.slice(end + 2);
    }
  } catch {
    // closed at the end of the run
  }
}

for await (const line of lines) {
  if (line === "end") break;
  if (line === "reset") {
    counts.fill(0);
    latencies.length = 0;
    console.log(JSON.stringify({ reset: true }));
    continue;
  }
  if (line.startsWith("report")) {
    const expected = Number(line.split(" ")[1] ?? 0);
    const s = stats(latencies);
    console.log(
      JSON.stringify({
        received: counts.reduce((a, b) => a + b, 0),
        complete: counts.filter((c) => c >= expected).length,
        ...s,
      }),
    );
    continue;
  }
  const { base, cookies } = JSON.parse(line) as { base: string; cookies: string[] };
  await Promise.all(
    cookies.map(async (cookie, k) => {
      counts[k] = 0;
      const res = await fetch(`${base}/api/events`, {
        headers: { cookie, accept: "text/event-stream" },
        signal: controller.signal,
      });
      if (!res.ok || !res.body) throw new Error(`stream ${k}: HTTP ${res.status}`);
      void read(res, k);
    }),
  );
  console.log(JSON.stringify({ open: cookies.length }));
}
controller.abort();
process.exit(0);
