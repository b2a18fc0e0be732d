// Usage: npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes the
// schema as last committed (or an empty database) to prisma/schema.prisma.
// `prisma migrate dev` cannot run offline here (see docs/decisions/002-own-migration-runner.md).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readMigrations } from "../lib/db/migrate";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Give the migration a name in snake_case: npm run db:migration -- add_quiet_hours");
  process.exit(1);
}

const prismaBin = path.join("node_modules", ".bin", "prisma");
const from = previousSchema();
const sql = execFileSync(
  prismaBin,
  ["migrate", "diff", ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (/This is an empty migration/.test(sql) || sql.trim() === "") {
  console.log("The schema has not changed since the last committed version: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql. Review it, then commit it with the schema.`);

function previousSchema(): string | undefined {
  if (readMigrations().length === 0) return undefined;
  try {
    const text = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "shiftline-schema-")), "schema.prisma");
    writeFileSync(file, text);
    return file;
  } catch {
    if (existsSync("prisma/migrations")) throw new Error("Cannot read the committed prisma/schema.prisma to diff against.");
    return undefined;
  }
}
