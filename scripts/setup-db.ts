// Creates the database if needed, applies pending migrations and, when the
// database has no organisation yet, seeds the demo organisation.
// Usage: tsx scripts/setup-db.ts [--reset] [--lang fr] [--no-demo]   (DATABASE_URL picks the database: a SQLite file or PostgreSQL;
// --lang the demo's language, English by default)
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { databaseFile, databaseUrl, dialectOf } from "../lib/db/path";
import { migrate } from "../lib/db/migrate";
import { migratePostgres, resetPostgres } from "../lib/db/migrate-postgres";
import { createPrismaClient } from "../lib/db/create-client";
import { seedDemo, DEMO_PASSWORD } from "../lib/seed/demo";
import { hashPassword } from "../lib/auth/password";
import { DEFAULT_LOCALE, isLocale, LOCALES } from "../lib/i18n/locales";
import { ensureVapidKeys } from "../lib/push/vapid";
import { configProblem } from "../lib/config";

// Next.js reads .env itself; this script runs before it, so it reads the file too.
if (existsSync(".env")) process.loadEnvFile(".env");
// A wrong setting stops here, before anything is created, with one line naming it.
const problem = configProblem();
if (problem) {
  console.error(`Shiftline cannot start: ${problem}`);
  process.exit(1);
}
const url = databaseUrl();
const reset = process.argv.includes("--reset");
const lang = process.argv[process.argv.indexOf("--lang") + 1] ?? "";
const locale = process.argv.includes("--lang") ? lang : DEFAULT_LOCALE;
if (!isLocale(locale)) {
  console.error(`--lang takes one of ${LOCALES.join(", ")}`);
  process.exit(2);
}
if (dialectOf(url) === "postgres") {
  if (reset) await resetPostgres(url);
  const applied = await migratePostgres(url);
  if (applied.length) console.log(`Applied ${applied.length} migration(s) to PostgreSQL.`);
} else {
  const file = databaseFile(url);
  if (reset) for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  const isNew = !existsSync(file);
  const applied = migrate(file);
  if (applied.length)
    console.log(
      `Applied ${applied.length} migration(s) to ${path.relative(process.cwd(), file)}${isNew ? " (new file)" : ""}.`,
    );
}

// Push notifications need the server's VAPID key pair: made here once on the embedded default.
if (ensureVapidKeys() === "off")
  console.log(
    "Push notifications are off: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (npx web-push generate-vapid-keys), the same on every instance.",
  );

const db = createPrismaClient(url);
try {
  if (!process.argv.includes("--no-demo") && (await db.organization.count()) === 0) {
    const started = Date.now();
    const result = await seedDemo(db, { passwordHash: await hashPassword(DEMO_PASSWORD), locale });
    console.log(
      `Seeded the demo organisation: ${result.staff} staff, ${result.teammates} teammates (${Date.now() - started} ms).`,
    );
  }
} finally {
  await db.$disconnect();
}
