import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { config } from "./config";

// One JSON line per event (pino): level, time, message, and the request it belongs to
// (request id, route, user and organisation ids) from the request's context, which
// scripts/server.mjs opens for each request and the action and route builders complete
// once they know who asks. Only ids travel: never names, message text, notes, tokens or
// phone numbers (the fields that could carry them are censored). LOG_LEVEL sets the level;
// in development (`npm run dev`) the lines are written for people instead.

export type RequestContext = { requestId: string; route?: string; userId?: string; organizationId?: string };

const g = globalThis as unknown as { shiftlineRequests?: AsyncLocalStorage<RequestContext> };
/** The context of the request being served (shared with scripts/server.mjs through globalThis). */
export const requestContext: AsyncLocalStorage<RequestContext> = (g.shiftlineRequests ??= new AsyncLocalStorage());

const CENSORED = [
  "body",
  "text",
  "html",
  "note",
  "password",
  "token",
  "secret",
  "phone",
  "toPhone",
  "email",
  "to",
  "name",
  "firstName",
  "lastName",
  "authorization",
  "cookie",
];

/** What could identify a person or open a door, out of free text (an error's message, a driver's words). */
export function scrub(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, "[e-mail]")
    .replace(/[A-Za-z0-9_-]{24,}/g, "[token]")
    .replace(/\+?\d[\d ().-]{7,}\d/g, "[number]")
    .replace(/([?&][^=\s]+=)[^&\s]+/g, "$1[…]");
}

const scrubError = (error: unknown) => {
  const e = pino.stdSerializers.err(error as Error);
  return { ...e, message: scrub(String(e.message ?? "")), stack: e.stack ? scrub(e.stack) : undefined };
};

/** LOG_LEVEL; a wrong configuration is said by the start's own check, in one line, not here. */
function levelFromConfig() {
  try {
    return config().LOG_LEVEL;
  } catch {
    return undefined;
  }
}

type Sink = (line: string) => void;
let sink: Sink | null = null;

const toStdout: Sink = (line) => void process.stdout.write(line);
/** Development: "12:01:02 ERROR [jobs] … {requestId…}" instead of JSON. */
const forPeople: Sink = (line) => {
  const { time, level, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
  const when = typeof time === "string" ? time.slice(11, 19) : "";
  const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : "";
  process.stderr.write(`${when} ${String(level).toUpperCase()} ${String(msg ?? "")}${extra}\n`);
};

export const log = pino(
  {
    level: levelFromConfig() ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const c = requestContext.getStore();
      return c ? { requestId: c.requestId, route: c.route, userId: c.userId, organizationId: c.organizationId } : {};
    },
    redact: { paths: [...CENSORED, ...CENSORED.map((k) => `*.${k}`)], censor: "[censored]" },
    serializers: { err: scrubError },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === "string" ? scrub(a) : a)) as Parameters<typeof method>);
      },
    },
  },
  { write: (line: string) => (sink ?? (process.env.NODE_ENV === "development" ? forPeople : toStdout))(line) },
);

/** Tests: every line written from now on goes to `fn` (null: back to the output). */
export function captureLogs(fn: Sink | null): void {
  sink = fn;
}

/** The request being served learns who asks (the builders call it once the session is known). */
export function identifyRequest(user: { id: string; organizationId: string }, route?: string): void {
  const c = requestContext.getStore();
  if (!c) return;
  c.userId = user.id;
  c.organizationId = user.organizationId;
  if (route) c.route = route;
}

const last = new Map<string, { at: number; skipped: number }>();

// One line per kind of trouble per minute at most: a database that is down or a disk that is
// full fails every request, and a log that repeats it thousands of times hides everything else.

/** Logs `line` unless a line of the same `key` was logged less than `everyMs` ago; says how many it left out. */
export function logRateLimited(key: string, line: string, everyMs = 60_000, now = Date.now()): boolean {
  const seen = last.get(key);
  if (seen && now - seen.at < everyMs) {
    seen.skipped++;
    return false;
  }
  log.error({ key, skipped: seen?.skipped || undefined }, line);
  last.set(key, { at: now, skipped: 0 });
  return true;
}
