// Usage: npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql and its PostgreSQL twin
// prisma/postgres/migrations/<timestamp>_<name>/migration.sql: the SQL that takes the
// schema as last committed (or an empty database) to prisma/schema.prisma.
// `prisma migrate dev` cannot run offline here (see docs/decisions/002-own-migration-runner.md).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readMigrations } from "../lib/db/migrate";
import { toPostgres, writePostgresSchema } from "./lib/postgres-schema.mjs";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Give the migration a name in snake_case: npm run db:migration -- add_quiet_hours");
  process.exit(1);
}

const prismaBin = path.join("node_modules", ".bin", "prisma");
// The diff reads two schema files only, but Prisma's config opens the adapter's database
// first: a scratch file, so a fresh clone (no data/ folder yet) can write migrations.
const scratch = `file:${path.join(mkdtempSync(path.join(tmpdir(), "shiftline-diff-")), "scratch.db")}`;
const diff = (from: string | undefined, to: string) =>
  execFileSync(
    prismaBin,
    [
      "migrate",
      "diff",
      ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]),
      "--to-schema-datamodel",
      to,
      "--script",
    ],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, DATABASE_URL: scratch },
    },
  );
const from = previousSchema();
const sql = diff(from, "prisma/schema.prisma");
if (/This is an empty migration/.test(sql) || sql.trim() === "") {
  console.log("The schema has not changed since the last committed version: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
const pgFrom = from ? path.join(path.dirname(from), "postgres.prisma") : undefined;
if (from && pgFrom) writeFileSync(pgFrom, toPostgres(readFileSync(from, "utf8")));
const pgSql = diff(pgFrom, writePostgresSchema());
const pgDir = path.join("prisma", "postgres", "migrations", `${stamp}_${name}`);
mkdirSync(pgDir, { recursive: true });
writeFileSync(path.join(pgDir, "migration.sql"), pgSql);
console.log(
  `Wrote ${dir}/migration.sql and ${pgDir}/migration.sql. Review both (Prisma cannot turn a column into a serial type), then commit them with the schema.`,
);

function previousSchema(): string | undefined {
  if (readMigrations().length === 0) return undefined;
  try {
    const text = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "shiftline-schema-")), "schema.prisma");
    writeFileSync(file, text);
    return file;
  } catch {
    if (existsSync("prisma/migrations"))
      throw new Error("Cannot read the committed prisma/schema.prisma to diff against.");
    return undefined;
  }
}
