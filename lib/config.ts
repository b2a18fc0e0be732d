import { z } from "zod";

// Every environment variable Shiftline reads, in one place, checked with zod. `npm start`
// refuses to start on a wrong value with one line naming it and what it expects
// (scripts/setup-db.ts, instrumentation.ts); the app reads values through config() only.
// .env.example documents each one. The framework's own (NODE_ENV, NEXT_RUNTIME) and the
// tests' and benchmarks' (E2E_*, BENCH_*, TEST_POSTGRES_URL, ...) are not the app's.
// No server-only import: scripts read it too.

/** Unset, or set to nothing (as .env.example leaves some), is the same. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const int = (min: number, max: number, what: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
    z.number({ error: what }).int(what).min(min, what).max(max, what),
  );
const url = (what: string) => z.string().regex(/^https?:\/\/[^\s/]+/, what);
const flag = z.enum(["0", "1"], { error: '"1" or "0"' });

const SCHEMA = z
  .object({
    DATABASE_URL: optional(
      z
        .string()
        .regex(
          /^(file:|postgres(ql)?:\/\/)/,
          'a SQLite file ("file:./data/shiftline.db") or a PostgreSQL URL ("postgresql://…")',
        ),
    ),
    DATABASE_POOL_SIZE: optional(int(1, 1000, "a number of connections from 1 to 1000")),
    NEXTAUTH_SECRET: optional(z.string().min(16, "a random secret of at least 16 characters")),
    AUTH_SECRET: optional(z.string().min(16, "a random secret of at least 16 characters")),
    NEXTAUTH_URL: optional(url("the app's public URL (https://shiftline.example.org)")),
    APP_URL: optional(url("the app's public URL (https://shiftline.example.org)")),
    PORT: optional(int(1, 65535, "a port number from 1 to 65535")),
    HOST: optional(z.string().min(1)),
    TRUSTED_PROXY_HOPS: optional(int(0, 10, "how many proxies append to X-Forwarded-For, from 0 to 10")),
    FILES_DIR: optional(z.string().min(1)),
    UPLOAD_MAX_BYTES: optional(int(1, 2 ** 31, "a size in bytes (26214400 for 25 MB)")),
    UPLOAD_REQUEST_MAX_BYTES: optional(int(1, 2 ** 32, "a size in bytes (62914560 for 60 MB)")),
    UPLOAD_WAITING_MAX_BYTES_USER: optional(int(1, 2 ** 40, "a size in bytes (104857600 for 100 MB)")),
    UPLOAD_WAITING_MAX_BYTES_ORG: optional(int(1, 2 ** 44, "a size in bytes (2147483648 for 2 GB)")),
    UPLOAD_MAX_BYTES_PER_HOUR: optional(int(1, 2 ** 44, "a size in bytes (524288000 for 500 MB)")),
    UPLOADTHING_TOKEN: optional(z.string().min(1)),
    RESEND_API_KEY: optional(z.string().min(1)),
    RESEND_BASE_URL: optional(url("an http(s) URL")),
    EMAIL_FROM: optional(z.string().regex(/@/, 'a sender address ("Shiftline <shiftline@example.org>")')),
    TWILIO_ACCOUNT_SID: optional(
      z.string().regex(/^AC[0-9a-fA-F]{32}$/, "Twilio's account SID (AC and 32 hexadecimal characters)"),
    ),
    TWILIO_AUTH_TOKEN: optional(z.string().min(1)),
    TWILIO_FROM: optional(z.string().regex(/^\+[1-9]\d{6,14}$/, "a phone number in E.164 form (+15005550006)")),
    TWILIO_MESSAGING_SERVICE_SID: optional(
      z.string().regex(/^MG[0-9a-fA-F]{32}$/, "a messaging service SID (MG and 32 hexadecimal characters)"),
    ),
    SMS_LIMIT_PER_HOUR: optional(int(1, 10_000_000, "a number of SMS per organisation per hour, 1 or more")),
    SMS_LIMIT_PER_NUMBER_HOUR: optional(int(1, 100_000, "a number of SMS per number per hour, 1 or more")),
    VAPID_PUBLIC_KEY: optional(z.string().min(1)),
    VAPID_PRIVATE_KEY: optional(z.string().min(1)),
    VAPID_SUBJECT: optional(z.string().regex(/^(mailto:|https:\/\/)/, "a mailto: or https:// address")),
    PUSH_ENDPOINT_HOSTS: optional(
      z.string().regex(/^\.?[a-z0-9.-]+(\s*,\s*\.?[a-z0-9.-]+)*$/i, "host names separated by commas"),
    ),
    PUSH_ALLOW_LOCAL_ENDPOINTS: optional(flag),
    SHIFTLINE_WORKER: optional(z.enum(["on", "off"], { error: '"on" or "off"' })),
    SHIFTLINE_DEV_OUTBOX: optional(flag),
    SHIFTLINE_BENCH_FLOOR: optional(flag),
    LOG_LEVEL: optional(
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "fatal, error, warn, info, debug, trace or silent",
      }),
    ),
    SHIFTLINE_OBSERVE: optional(z.enum(["on", "off"], { error: '"on" or "off"' })),
    METRICS_TOKEN: optional(z.string().min(16, "a random token of at least 16 characters")),
    ERROR_REPORTING_DSN: optional(
      z.string().regex(/^https:\/\/[^@\s]+@[^/\s]+\/\d+$/, "a Sentry-style DSN (https://key@host/project)"),
    ),
  })
  .superRefine((c, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (c.TWILIO_ACCOUNT_SID && !c.TWILIO_AUTH_TOKEN)
      need("TWILIO_AUTH_TOKEN", "Twilio's auth token, with TWILIO_ACCOUNT_SID");
    if (c.TWILIO_ACCOUNT_SID && !c.TWILIO_FROM && !c.TWILIO_MESSAGING_SERVICE_SID)
      need("TWILIO_FROM", "the number SMS leave from (or TWILIO_MESSAGING_SERVICE_SID)");
    if (!c.TWILIO_ACCOUNT_SID && (c.TWILIO_FROM || c.TWILIO_MESSAGING_SERVICE_SID))
      need("TWILIO_ACCOUNT_SID", "Twilio's account SID, with TWILIO_FROM");
    if (Boolean(c.VAPID_PUBLIC_KEY) !== Boolean(c.VAPID_PRIVATE_KEY))
      need(c.VAPID_PUBLIC_KEY ? "VAPID_PRIVATE_KEY" : "VAPID_PUBLIC_KEY", "both VAPID keys, or neither");
    if (c.DATABASE_URL && /^postgres/.test(c.DATABASE_URL) && !c.NEXTAUTH_SECRET && !c.AUTH_SECRET)
      need("NEXTAUTH_SECRET", "a secret shared by every instance (required with PostgreSQL)");
  });

export type Config = z.output<typeof SCHEMA>;
/** Every variable the app reads. */
export const NAMES = Object.keys(SCHEMA.shape) as (keyof Config)[];
const SECRET = /SECRET|TOKEN|KEY/;

/** The first wrong value, as one line naming the variable and what it expects; null when all is well. */
export function configProblem(env: Record<string, string | undefined> = process.env): string | null {
  const parsed = SCHEMA.safeParse(pick(env));
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? "");
  const value = env[name];
  const shown =
    value === undefined || value === ""
      ? "it is not set"
      : SECRET.test(name)
        ? "its value is refused"
        : `got "${value}"`;
  return `${name} must be ${issue.message} (${shown}).`;
}

const pick = (env: Record<string, string | undefined>) => Object.fromEntries(NAMES.map((n) => [n, env[n]]));

let cache: { key: string; config: Config } | undefined;

/** The configuration, checked; re-read when the environment changes (tests change it). */
export function config(): Config {
  const key = NAMES.map((n) => process.env[n] ?? "").join("\0");
  if (cache?.key === key) return cache.config;
  const parsed = SCHEMA.safeParse(pick(process.env));
  if (!parsed.success) throw new Error(`Shiftline's configuration: ${configProblem()}`);
  cache = { key, config: parsed.data };
  return parsed.data;
}

/** The address links in e-mails and SMS start with, and Twilio signs against: the public URL, else this server's own port. */
export function appUrl(c: Config = config()): string {
  return (c.APP_URL || c.NEXTAUTH_URL || `http://localhost:${c.PORT ?? 3000}`).replace(/\/$/, "");
}
