import { readFileSync, readdirSync } from "node:fs";
import { encode } from "next-auth/jwt";

export type Stats = { n: number; p50: number; p95: number; p99: number; max: number };

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { n: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1] ?? NaN };
}

export async function sessionCookie(userId: string, secret: string): Promise<string> {
  return `shiftline.session=${await encode({ token: { sub: userId, sv: 0 }, secret, maxAge: 3600 })}`;
}

async function timed(fn: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`HTTP ${res.status} from the server under test`);
  return performance.now() - start;
}

export async function sequential(n: number, fn: (i: number) => Promise<Response>): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push(await timed(() => fn(i)));
  return stats(samples);
}

/**
 * Open loop: request i starts at start + i / rate whether or not earlier ones
 * finished, and its latency counts from that scheduled time (no coordinated omission).
 */
export async function openLoop(
  rate: number,
  seconds: number,
  fn: (i: number) => Promise<Response>,
): Promise<Stats & { errors: number }> {
  const total = Math.round(rate * seconds);
  const start = performance.now() + 20;
  const samples: number[] = [];
  let errors = 0;
  const runs: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const at = start + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    runs.push(
      fn(i)
        .then(async (res) => {
          await res.arrayBuffer();
          if (!res.ok) errors++;
          samples.push(performance.now() - at);
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(runs);
  return { ...stats(samples), errors };
}

/** Closed loop: `workers` requests in flight for `seconds`; returns completed requests per second. */
export async function maxRate(
  workers: number,
  seconds: number,
  fn: (i: number) => Promise<Response>,
): Promise<{ rate: number; errors: number }> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  let i = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) {
        const res = await fn(i++).catch(() => null);
        if (!res) {
          errors++;
          continue;
        }
        await res.arrayBuffer();
        if (res.ok) done++;
        else errors++;
      }
    }),
  );
  return { rate: done / seconds, errors };
}

/** User plus system CPU seconds of a process and its descendants (Linux /proc). */
export function cpuSeconds(pid: number): number {
  const ticks = 100;
  let total = 0;
  const children = new Map<number, number[]>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, "utf8");
      const rest = f.slice(f.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(rest[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone
    }
  }
  const walk = (p: number) => {
    try {
      const f = readFileSync(`/proc/${p}/stat`, "utf8");
      const rest = f.slice(f.lastIndexOf(")") + 2).split(" ");
      total += (Number(rest[11]) + Number(rest[12])) / ticks;
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return total;
}
