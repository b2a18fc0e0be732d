import { randomUUID } from "node:crypto";
import { config } from "@/lib/config";
import { log, scrub } from "@/lib/log";

// Server errors to an error-reporting service that speaks Sentry's protocol, when
// ERROR_REPORTING_DSN is set (off by default). Only what helps find the bug travels: the
// error's type, its scrubbed message and stack, the route and the request id; no user data.
// Reports wait in memory and leave every few seconds from a timer, never inside a request;
// a burst is capped (a failing database would otherwise send one report per request).

type Report = { type: string; message: string; stack?: string; route?: string; requestId?: string; digest?: string };
const MAX_WAITING = 50;
const waiting: Report[] = [];
let timer: NodeJS.Timeout | undefined;

/** The service's envelope address and key, from a DSN (https://key@host/project). */
export function envelopeTarget(dsn: string): { url: string; key: string } | null {
  const m = /^https:\/\/([^@\s]+)@([^/\s]+)\/(\d+)$/.exec(dsn);
  return m ? { url: `https://${m[2]}/api/${m[3]}/envelope/`, key: m[1]! } : null;
}

/** Queues a report of this error; nothing when no service is configured. */
export function reportError(error: unknown, where: { route?: string; requestId?: string } = {}): void {
  const dsn = config().ERROR_REPORTING_DSN;
  if (!dsn) return;
  const e = error instanceof Error ? error : new Error(String(error));
  if (waiting.length >= MAX_WAITING) return;
  waiting.push({
    type: e.name,
    message: scrub(e.message),
    stack: e.stack ? scrub(e.stack) : undefined,
    digest: (e as { digest?: string }).digest,
    ...where,
  });
  timer ??= setTimeout(() => void flush(dsn), 2000).unref();
}

/** The envelope of one report (its body as Sentry's envelope endpoint takes it). */
export function envelope(r: Report, now = new Date()): string {
  const id = randomUUID().replace(/-/g, "");
  const event = {
    event_id: id,
    timestamp: now.toISOString(),
    platform: "node",
    level: "error",
    exception: { values: [{ type: r.type, value: r.message }] },
    tags: { route: r.route, request_id: r.requestId, digest: r.digest },
    extra: { stack: r.stack },
  };
  return `${JSON.stringify({ event_id: id, sent_at: now.toISOString() })}\n${JSON.stringify({ type: "event" })}\n${JSON.stringify(event)}\n`;
}

async function flush(dsn: string): Promise<void> {
  timer = undefined;
  const target = envelopeTarget(dsn);
  const batch = waiting.splice(0);
  if (!target) return;
  for (const r of batch) {
    try {
      const res = await fetch(target.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-sentry-envelope",
          "X-Sentry-Auth": `Sentry sentry_version=7, sentry_key=${target.key}, sentry_client=shiftline/1`,
        },
        body: envelope(r),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) log.warn({ status: res.status }, "the error-reporting service refused a report");
    } catch (error) {
      log.warn({ err: error }, "the error-reporting service could not be reached");
    }
  }
}
