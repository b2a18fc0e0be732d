// npm run bench (or BENCH_ONLY=people): the people directory with 10,000 people, through
// the production server: the first page, a search, a filter, a page far in. BENCH_PEOPLE
// (10000); BENCH_DB=postgres: the same on a throwaway PostgreSQL (BENCH_POSTGRES_URL: an
// existing server). Issue 28's goal for an organisation of 10,000: p95 < 100 ms on both.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { buildScratchDb, MANAGER, ORG } from "./lib/scratch-db";
import { buildScratchPg } from "./lib/scratch-pg";
import { sequential, sessionCookie } from "./lib/measure";
import { openSqlite } from "../lib/db/sqlite-file";
import { onServer } from "../tests/setup/postgres";
import { startNext, waitForServer } from "../tests/helpers/server";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const PORT = Number(process.env.BENCH_PEOPLE_PORT ?? 3330);
const SECRET = "bench-only-secret";
const BASE = `http://127.0.0.1:${PORT}`;
const file = path.resolve(".tmp/bench/people.db");
const POSTGRES = process.env.BENCH_DB === "postgres";
const PG_ENV = { ...process.env, PG_PORT: process.env.BENCH_PG_PORT ?? "55601" };
const ownCluster = POSTGRES && !process.env.BENCH_POSTGRES_URL;

// The directory's admin, and a department holding every third teammate.
const ADMIN = `UPDATE "User" SET "role" = 'ADMIN' WHERE "id" = '${MANAGER}'`;
const DEPARTMENT = `INSERT INTO "Department" ("id", "organizationId", "name", "createdAt") VALUES ('bench-dept', '${ORG}', 'Care', $1)`;

console.log(`Building a scratch ${POSTGRES ? "PostgreSQL" : "SQLite"} database with ${PEOPLE} teammates…`);
let databaseUrl = `file:${file}`;
if (POSTGRES) {
  const server =
    process.env.BENCH_POSTGRES_URL ??
    execFileSync("node", ["scripts/pg-cluster.mjs", "start"], { env: PG_ENV, encoding: "utf8" }).trim();
  databaseUrl = (await buildScratchPg(server, PEOPLE, PEOPLE, "shiftline_people")).url;
  await onServer(databaseUrl, async (c) => {
    await c.query(ADMIN);
    await c.query(DEPARTMENT, [new Date()]);
    await c.query(`UPDATE "TeammateProfile" SET "departmentId" = 'bench-dept' WHERE hashtext("userId") % 3 = 0`);
    await c.query("ANALYZE");
  });
} else {
  buildScratchDb(file, PEOPLE, PEOPLE);
  const sqlite = openSqlite(file);
  sqlite.prepare(ADMIN).run();
  sqlite.prepare(DEPARTMENT.replace("$1", "?")).run(new Date().toISOString().replace("Z", "+00:00"));
  sqlite.prepare(`UPDATE "TeammateProfile" SET "departmentId" = 'bench-dept' WHERE rowid % 3 = 0`).run();
  sqlite.close();
}
execFileSync("node", ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
const server = startNext(PORT, {
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: SECRET,
  NEXTAUTH_URL: BASE,
  SHIFTLINE_WORKER: "off",
});
process.on("exit", () => {
  server.kill("SIGTERM");
  if (ownCluster) execFileSync("node", ["scripts/pg-cluster.mjs", "stop"], { env: PG_ENV, stdio: "ignore" });
});
const rows: string[][] = [];
try {
  await waitForServer(BASE);
  const cookie = await sessionCookie(MANAGER, SECRET);
  const get = (p: string) => fetch(`${BASE}${p}`, { headers: { cookie } });
  await sequential(5, () => get("/teammates"));
  for (const [what, p] of [
    ["first page (GET /teammates)", "/teammates"],
    ["search by name (q=last0042)", "/teammates?q=last0042"],
    ["filter by department and role", "/teammates?department=bench-dept&role=TEAMMATE"],
    ["page 150 of 200", "/teammates?page=150"],
  ] as const) {
    const s = await sequential(30, () => get(p));
    rows.push([what, s.p50.toFixed(1), s.p95.toFixed(1), "p95 < 100 ms", s.p95 < 100 ? "met" : "MISSED"]);
  }
} finally {
  server.kill("SIGTERM");
}
console.log(`\nShiftline people directory, ${POSTGRES ? "PostgreSQL" : "SQLite"}, ${PEOPLE} people, 2 cores\n`);
console.log("| measure | p50 ms | p95 ms | goal |  |\n|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
