import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import type { Stats } from "./measure";

// A latency table of the live-event benches (bench/streams.ts, bench/presence.ts): one row per
// measure, its percentiles, what else it showed, its goal and whether it was met; printed with a
// title that says when the machine was busy (the load average above its cores) before the run.

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "-");

export const loadAverage = () => Number(execFileSync("cat", ["/proc/loadavg"]).toString().split(" ")[0]);

/**
 * Waits, at most `seconds`, for the load average to come down to the core count (after a build,
 * say), so that a figure taken next counts. Returns the load average then.
 */
export async function settle(seconds = 180): Promise<number> {
  const until = Date.now() + seconds * 1000;
  while (loadAverage() > availableParallelism() && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 5000));
  return loadAverage();
}

export function latencyTable() {
  const rows: string[][] = [];
  return {
    row(what: string, s: Partial<Stats> | null, extra: string, goal: string, ok?: boolean) {
      rows.push([
        what,
        String(s?.n ?? ""),
        ms(s?.p50 ?? NaN),
        ms(s?.p95 ?? NaN),
        ms(s?.p99 ?? NaN),
        extra,
        goal,
        ok === undefined ? "" : ok ? "met" : "MISSED",
      ]);
    },
    print(title: string, loaded: number) {
      console.log(
        `\n${title}${loaded > 2 ? ` (busy machine: load average ${loaded.toFixed(1)} before the run, figures do not count)` : ""}\n`,
      );
      console.log("| measure | n | p50 ms | p95 ms | p99 ms |  | goal |  |\n|---|---|---|---|---|---|---|---|");
      for (const r of rows) console.log(`| ${r.join(" | ")} |`);
    },
  };
}
