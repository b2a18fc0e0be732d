// npm run bench (or BENCH_ONLY=grouped): a grouped message to 1,000 teammates with SMS
// copies (bench/lib/grouped-child.ts, in a process of its own), as a table.
import { execFileSync } from "node:child_process";

const out = execFileSync("npx", ["tsx", "--conditions=react-server", "bench/lib/grouped-child.ts"], {
  encoding: "utf8",
});
const m = JSON.parse(out.trim().split("\n").at(-1)!) as {
  n: number;
  requestMs: number;
  postMs: number;
  copies: number;
  events: number;
  sms: number;
  drainMs: number;
  twilioMs: number;
};
const rate = m.sms / (m.drainMs / 1000);
const rows = [
  [
    `the send itself (${m.n} recipients, SMS copies)`,
    `${m.requestMs.toFixed(0)} ms`,
    "< 500 ms",
    m.requestMs < 500 ? "met" : "MISSED",
  ],
  [
    "every in-app copy stored, its live event appended",
    `${m.postMs.toFixed(0)} ms (${m.copies} copies, ${m.events} events)`,
    "< 2 s",
    m.postMs < 2000 && m.copies === m.n && m.events === m.n ? "met" : "MISSED",
  ],
  [
    `SMS queue drained through the SDK (fake answers in ${m.twilioMs} ms)`,
    `${m.sms} in ${(m.drainMs / 1000).toFixed(1)} s: ${rate.toFixed(0)}/s`,
    `the fake's ${(1000 / m.twilioMs).toFixed(0)}/s, one worker`,
    m.sms === m.n && rate > (1000 / m.twilioMs) * 0.6 ? "met" : "MISSED",
  ],
];
console.log("\nShiftline grouped message benchmark, SQLite, 2 cores\n");
console.log("| measure | result | goal |  |\n|---|---|---|---|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
