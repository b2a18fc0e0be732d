// npm run org:create -- --name "Riverside Care" --admin ada@riverside.example --first Ada --last Lovelace
//   [--slug riverside] [--time-zone Europe/Paris] [--lang fr]
// A new organisation for a real deployment: no demo data, its first admin, and the link
// (printed here, valid 7 days, once) where that admin chooses a password. Migrates the
// database first (DATABASE_URL picks it); once an organisation exists, `npm start` seeds no demo.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { databaseUrl } from "../lib/db/path";
import { createPrismaClient } from "../lib/db/create-client";
import { createOrganization, createStaff } from "../lib/seed/factories";
import { newToken, TOKEN_TTL_MS } from "../lib/admin/token-core";
import { isLocale, LOCALES } from "../lib/i18n/locales";
import { auditRow } from "../lib/audit/record";

if (existsSync(".env")) process.loadEnvFile(".env");
const arg = (flag: string) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1]?.trim() : undefined;
};
const name = arg("--name");
const email = arg("--admin")?.toLowerCase();
const firstName = arg("--first");
const lastName = arg("--last");
const locale = arg("--lang") ?? "en";
const timeZone = arg("--time-zone") ?? "Europe/Paris";
const slug = (arg("--slug") ?? name ?? "")
  .normalize("NFD")
  .replace(/[\u0300-\u036f]/g, "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "-")
  .replace(/^-|-$/g, "");

const problems = [
  !name && "--name (the organisation's name)",
  !(email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) && "--admin (the first admin's e-mail address)",
  !firstName && "--first (the admin's first name)",
  !lastName && "--last (the admin's last name)",
  !isLocale(locale) && `--lang (one of ${LOCALES.join(", ")})`,
  !isValidTimeZone(timeZone) && "--time-zone (an IANA zone such as Europe/Paris)",
].filter(Boolean);
if (problems.length) {
  console.error(`Missing or invalid: ${problems.join("; ")}.`);
  process.exit(2);
}

// The same migrations as `npm run setup`, without its demo: this script creates the first organisation itself.
execFileSync("npx", ["tsx", "scripts/setup-db.ts", "--no-demo"], { stdio: "inherit" });
const db = createPrismaClient(databaseUrl());
try {
  if (await db.organization.findUnique({ where: { slug } }))
    throw new Error(`An organisation with the address name "${slug}" exists: pass --slug.`);
  if (await db.user.findUnique({ where: { email: email! } })) throw new Error(`An account already uses ${email}.`);
  const org = await createOrganization(db, { name: name!, slug });
  await db.organization.update({ where: { id: org.id }, data: { timeZone } });
  const admin = await createStaff(db, {
    organizationId: org.id,
    role: "ADMIN",
    firstName: firstName!,
    lastName: lastName!,
    email: email!,
    passwordHash: "invited",
    locale,
  });
  const { token, tokenHash } = newToken();
  await db.userToken.create({
    data: {
      organizationId: org.id,
      userId: admin.id,
      purpose: "invite",
      tokenHash,
      expiresAt: new Date(Date.now() + TOKEN_TTL_MS.invite),
    },
  });
  await db.auditEntry.create({
    data: auditRow({
      organizationId: org.id,
      actorId: null,
      action: "organization.created",
      target: { type: "Organization", id: org.id },
    }),
  });
  const base = (process.env.APP_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/$/, "");
  console.log(`Created ${name} (${slug}) with its admin ${email}.`);
  console.log(`They choose a password here (once, within 7 days): ${base}/welcome/${token}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
