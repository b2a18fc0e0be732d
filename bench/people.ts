// npm run bench (or BENCH_ONLY=people): the people directory with 10,000 people, through
// the production server: the first page, a search, a filter, a page far in. BENCH_PEOPLE (10000).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { buildScratchDb, MANAGER, ORG } from "./lib/scratch-db";
import { sequential, sessionCookie } from "./lib/measure";
import { openSqlite } from "../lib/db/sqlite-file";
import { startNext, waitForServer } from "../tests/helpers/server";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const PORT = Number(process.env.BENCH_PEOPLE_PORT ?? 3330);
const SECRET = "bench-only-secret";
const BASE = `http://127.0.0.1:${PORT}`;
const file = path.resolve(".tmp/bench/people.db");

console.log(`Building a scratch SQLite database with ${PEOPLE} teammates…`);
buildScratchDb(file, PEOPLE, PEOPLE);
const sqlite = openSqlite(file);
sqlite.prepare(`UPDATE "User" SET "role" = 'ADMIN' WHERE "id" = ?`).run(MANAGER);
sqlite
  .prepare(`INSERT INTO "Department" ("id", "organizationId", "name", "createdAt") VALUES ('bench-dept', ?, 'Care', ?)`)
  .run(ORG, new Date().toISOString().replace("Z", "+00:00"));
sqlite.prepare(`UPDATE "TeammateProfile" SET "departmentId" = 'bench-dept' WHERE rowid % 3 = 0`).run();
sqlite.close();
execFileSync("node", ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
const server = startNext(PORT, {
  DATABASE_URL: `file:${file}`,
  NEXTAUTH_SECRET: SECRET,
  NEXTAUTH_URL: BASE,
  SHIFTLINE_WORKER: "off",
});
process.on("exit", () => server.kill("SIGTERM"));
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
    rows.push([what, s.p50.toFixed(1), s.p95.toFixed(1), "p95 < 200 ms", s.p95 < 200 ? "met" : "MISSED"]);
  }
} finally {
  server.kill("SIGTERM");
}
console.log(`\nShiftline people directory, SQLite, ${PEOPLE} people, 2 cores\n`);
console.log("| measure | p50 ms | p95 ms | goal |  |\n|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
