// Search over BENCH_SEARCH_MESSAGES (500,000) messages of made-up English and French text,
// in one process on a scratch database (SQLite, or PostgreSQL when SEARCH_PG_SERVER is set):
// the database's size before and after the index is built, two-word searches (newest first
// and best match), and sends at 200/s with the index and with it swapped for a plain table,
// in turns (what the index's upkeep adds to a send). Prints one line of JSON.
import { randomUUID } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { buildScratchDb, MANAGER_USER, ORG, teammateId, threadId } from "./scratch-db";
import { buildScratchPg } from "./scratch-pg";
import { onServer } from "../../tests/setup/postgres";
import { openSqlite } from "../../lib/db/sqlite-file";
import { backfillSqliteSearch } from "../../lib/db/search-index";
import { stats } from "./measure";

const MESSAGES = Number(process.env.BENCH_SEARCH_MESSAGES ?? 500_000);
const CONTACTS = 5000;
const RATE = 200;
// Sends' turns: ROUNDS of with, without, without, with; SECONDS of counted sends a side in all.
const SECONDS = Number(process.env.BENCH_SEARCH_SECONDS ?? 40);
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 4);
const pgServer = process.env.SEARCH_PG_SERVER;
const file = path.resolve(".tmp/bench/search.db");

// A vocabulary where a few words are everywhere and most are rare (Zipf), as in real messages.
const COMMON = `shift shifts replace replaced replacing tomorrow tonight morning evening night week weekend
  swap swapped available unavailable sick late early badge locker code schedule planning team manager
  remplacer remplacé remplacement demain soir matin nuit semaine échanger échange disponible malade
  retard badge vestiaire créneau équipe horaire congé vacances réunion formation patient chambre étage
  please thanks merci bonjour hello okay ready confirmed confirmé annulé cancelled`
  .split(/\s+/)
  .filter(Boolean);
const VOCAB = [...COMMON, ...Array.from({ length: 5000 }, (_, i) => `mot${i.toString(36)}`)];
let seed = 42;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const zipf = () => VOCAB[Math.min(VOCAB.length - 1, Math.floor(Math.exp(random() * Math.log(VOCAB.length))) - 1)]!;
const sentence = () => Array.from({ length: 6 + Math.floor(random() * 14) }, zipf).join(" ");

const started = performance.now();
let databaseUrl: string;
let sizeBefore: number;
let sizeAfter: number;
let indexMs: number;
if (pgServer) {
  const built = await buildScratchPg(pgServer, CONTACTS, CONTACTS, "shiftline_search_bench");
  databaseUrl = built.url;
  const size = () =>
    onServer(databaseUrl, async (c) =>
      Number((await c.query(`SELECT pg_database_size(current_database()) AS s`)).rows[0].s),
    );
  await onServer(databaseUrl, async (c) => {
    await c.query(`TRUNCATE "SearchDoc"`);
    for (let done = 0; done < MESSAGES; done += 5000) {
      const n = Math.min(5000, MESSAGES - done);
      const bodies = Array.from({ length: n }, sentence);
      await c.query(
        `INSERT INTO "Message" (id, "organizationId", "conversationId", seq, "authorId", "fromStaff", kind, body, "clientId", "createdAt")
         SELECT 'b' || ($2::int + k), $1, 'c' || (($2::int + k) % ${CONTACTS}), 1000 + ($2::int + k) / ${CONTACTS}, 'u' || (($2::int + k) % ${CONTACTS}), false, 'TEXT',
           body, 'bench-' || ($2::int + k), now() - interval '1 second' * ($3::int - $2::int - k)
         FROM unnest($4::text[]) WITH ORDINALITY AS t(body, k)`,
        [ORG, done, MESSAGES, bodies],
      );
    }
    await c.query(`VACUUM ANALYZE`);
  });
  sizeBefore = await size();
  // The migration's own backfill statement, as an upgrade runs it.
  const migration = readFileSync(
    path.resolve("prisma/postgres/migrations/20261206233000_message_search/migration.sql"),
    "utf8",
  );
  const t0 = performance.now();
  await onServer(databaseUrl, async (c) => {
    await c.query(migration.slice(migration.indexOf("INSERT INTO")));
    await c.query(`VACUUM ANALYZE`);
  });
  indexMs = performance.now() - t0;
  sizeAfter = await size();
  // The build wrote gigabytes of log: the server writes them out now, not during the sends
  // (a checkpoint of the build, 10-30 s, otherwise lands in the sends' turns).
  await onServer(databaseUrl, (c) => c.query(`CHECKPOINT`));
} else {
  buildScratchDb(file, CONTACTS, CONTACTS);
  databaseUrl = `file:${file}`;
  const db = openSqlite(file);
  const insert = db.prepare(
    `INSERT INTO "Message" (id, organizationId, conversationId, seq, authorId, fromStaff, kind, body, clientId, createdAt) VALUES (?, ?, ?, ?, ?, 0, 'TEXT', ?, ?, ?)`,
  );
  const now = Date.now();
  db.transaction(() => {
    for (let k = 0; k < MESSAGES; k++) {
      const c = k % CONTACTS;
      const at = new Date(now - (MESSAGES - k) * 1000).toISOString().replace("Z", "+00:00");
      insert.run(
        `b${k}`,
        ORG,
        threadId(c),
        1000 + Math.floor(k / CONTACTS),
        teammateId(c),
        sentence(),
        `bench-${k}`,
        at,
      );
    }
  })();
  db.exec(`INSERT INTO "SearchDoc" ("SearchDoc") VALUES ('delete-all'); DELETE FROM "SearchRef"`);
  db.exec("VACUUM");
  sizeBefore = statSync(file).size;
  const t0 = performance.now();
  db.transaction(() => backfillSqliteSearch(db))();
  indexMs = performance.now() - t0;
  db.exec("VACUUM");
  db.close();
  sizeAfter = statSync(file).size;
}
const buildMs = performance.now() - started;

process.env.DATABASE_URL = databaseUrl;
const { searchInbox } = await import("../../lib/inbox/search");
const { searchSchema } = await import("../../lib/inbox/schemas");
const { sendOnce } = await import("../../lib/conversations/send");

async function searches(order: "newest" | "best") {
  const samples: number[] = [];
  let found = 0;
  for (let i = 0; i < 200; i++) {
    const q = `${COMMON[Math.floor(random() * COMMON.length)]} ${zipf()}`;
    const t = performance.now();
    const page = await searchInbox(MANAGER_USER, searchSchema.parse({ q, order }), "Europe/Paris");
    samples.push(performance.now() - t);
    found += page.results.length;
  }
  return { ...stats(samples), found };
}
// Warm the caches (as a running server would be) before measuring.
await searches("newest");
const newest = await searches("newest");
const best = await searches("best");

async function sends(seconds: number, samples: number[] = []) {
  const total = RATE * seconds;
  const start = performance.now() + 20;
  const runs: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const at = start + (i * 1000) / RATE;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const c = (i * 7) % CONTACTS;
    runs.push(
      sendOnce({
        organizationId: ORG,
        conversationId: threadId(c),
        author: { id: teammateId(c), name: "Bench", staff: false },
        kind: "TEXT",
        body: sentence(),
        clientId: randomUUID(),
        where: { kind: "INBOX", teammateId: teammateId(c) },
      }).then(() => void samples.push(performance.now() - at)),
    );
  }
  await Promise.all(runs);
  return samples;
}

// The same sends with the index swapped for a plain table of the same columns: the words are
// still computed and written, the full-text index is not kept up. The two take turns (with,
// without, without, with, ROUNDS times): whichever ran second would otherwise run warmer, and a
// stall of the machine or the database server (a second of sends at 60-150 ms, seen on either
// side, on PostgreSQL in two or three turns of sixteen) lands in one turn. Each side's p95 is the
// median of its turns' (and all its sends' too).
const swap = (from: string, to: string) =>
  pgServer
    ? onServer(databaseUrl, async (c) => {
        await c.query(`ALTER TABLE "SearchDoc" RENAME TO "${from}"`);
        await c.query(`ALTER TABLE "${to}" RENAME TO "SearchDoc"`);
      })
    : (() => {
        const db = openSqlite(file);
        db.exec(`ALTER TABLE "SearchDoc" RENAME TO "${from}"; ALTER TABLE "${to}" RENAME TO "SearchDoc"`);
        db.close();
      })();
if (pgServer)
  await onServer(databaseUrl, (c) =>
    c.query(
      `CREATE TABLE "SearchPlain" ("docId" TEXT PRIMARY KEY, "kind" TEXT, "organizationId" TEXT, "conversationId" TEXT, "chat" BOOLEAN, "authorId" TEXT, "fromStaff" BOOLEAN, "createdAt" TIMESTAMP(3), "tsv" TEXT)`,
    ),
  );
else {
  const db = openSqlite(file);
  db.exec(`CREATE TABLE "SearchPlain" ("rowid" INTEGER PRIMARY KEY, "en", "fr", "scope")`);
  db.close();
}
// Warm the connections and caches first.
await sends(2);
const withSamples: number[] = [];
const withoutSamples: number[] = [];
const turns = { with: [] as number[], without: [] as number[] };
for (const indexed of Array.from({ length: ROUNDS }, () => [true, false, false, true]).flat()) {
  if (!indexed) await swap("SearchIndex", "SearchPlain");
  // A second of sends first, not counted: on PostgreSQL the first sends into the other table
  // stalled (40-90 ms p95 over the turn) until its plans and pages were back in the server's caches.
  await sends(1);
  const block = await sends(SECONDS / (2 * ROUNDS));
  (indexed ? withSamples : withoutSamples).push(...block);
  turns[indexed ? "with" : "without"].push(stats(block).p95);
  if (!indexed) await swap("SearchPlain", "SearchIndex");
}
const median = (values: number[]) => {
  const v = [...values].sort((a, b) => a - b);
  return (v[(v.length - 1) >> 1]! + v[v.length >> 1]!) / 2;
};
const withIndex = stats(withSamples);
const withoutIndex = stats(withoutSamples);

console.log(
  JSON.stringify({
    database: pgServer ? "PostgreSQL" : "SQLite",
    messages: MESSAGES,
    buildMs,
    indexMs,
    sizeBefore,
    sizeAfter,
    newest,
    best,
    withIndex,
    withoutIndex,
    turnsP95: { with: median(turns.with), without: median(turns.without), each: turns },
    rate: RATE,
    turns: 2 * ROUNDS,
  }),
);
process.exit(0);
