// prisma/schema.prisma is the one schema. PostgreSQL's generated client and
// migrations come from a copy derived here: the provider, the client's output, and
// the columns marked `// postgres: BigInt` (64-bit on PostgreSQL; SQLite's INTEGER
// is 64-bit already, and Prisma autoincrements only Int there).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");

export function toPostgres(schema) {
  const out = schema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/shiftline"')
    .replace(/output\s*=\s*"\.\.\/lib\/db\/generated"/, 'output     = "../../lib/db/generated-pg"')
    .split("\n")
    .map((line) => (line.includes("// postgres: BigInt") ? line.replace(/(\s)Int(\s|$)/, "$1BigInt$2") : line))
    .join("\n");
  if (!out.includes('provider = "postgresql"') || !out.includes("generated-pg"))
    throw new Error("prisma/schema.prisma no longer has the lines the PostgreSQL copy replaces");
  return `// Derived from prisma/schema.prisma by scripts/lib/postgres-schema.mjs: do not edit.\n${out}`;
}

export function writePostgresSchema(
  source = readFileSync(path.join("prisma", "schema.prisma"), "utf8"),
  file = POSTGRES_SCHEMA,
) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, toPostgres(source));
  return file;
}
