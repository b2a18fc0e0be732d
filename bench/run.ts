// npm run bench: builds a scratch database, then times the inbox's hot paths
// through the same domain code the server actions use. Prints a table.
// Sizes: BENCH_CONTACTS (default 2000) and BENCH_MESSAGES (default 100000).
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrate, openSqlite } from "../lib/db/migrate";

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 2000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100_000);
const file = path.resolve(".tmp/bench/inbox.db");
mkdirSync(path.dirname(file), { recursive: true });
for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
migrate(file);

// Bulk data straight through SQLite: building it is not what is measured.
const t0 = performance.now();
const raw = openSqlite(file);
const orgId = "bench-org";
raw.prepare(`INSERT INTO Organization (id, name, slug) VALUES (?, 'Bench', 'bench')`).run(orgId);
const addUser = raw.prepare(`INSERT INTO User (id, organizationId, email, firstName, lastName, passwordHash, role, updatedAt) VALUES (?, ?, ?, ?, ?, 'x', ?, ?)`);
const addConv = raw.prepare(`INSERT INTO Conversation (id, organizationId, kind, teammateId, lastSeq, lastMessageAt, lastMessagePreview, lastInboundSeq, lastInboundAt) VALUES (?, ?, 'INBOX', ?, ?, ?, 'preview', ?, ?)`);
const addMember = raw.prepare(`INSERT INTO ConversationMember (conversationId, userId) VALUES (?, ?)`);
const addMsg = raw.prepare(`INSERT INTO Message (id, organizationId, conversationId, seq, authorId, fromStaff, body, clientId, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
raw.transaction(() => {
  addUser.run("bench-manager", orgId, "manager@bench.test", "Bench", "Manager", "MANAGER", Date.now());
  const perThread = Math.max(1, Math.floor(MESSAGES / CONTACTS));
  for (let c = 0; c < CONTACTS; c++) {
    const uid = `u${c}`;
    const cid = `c${c}`;
    const last = Date.now() - c * 1000;
    addUser.run(uid, orgId, `t${c}@bench.test`, `First${c}`, `Last${c}`, "TEAMMATE", Date.now());
    addConv.run(cid, orgId, uid, perThread, last, perThread, last);
    addMember.run(cid, uid);
    for (let s = 1; s <= perThread; s++) {
      const staff = s % 2 === 0;
      addMsg.run(`m${c}-${s}`, orgId, cid, s, staff ? "bench-manager" : uid, staff ? 1 : 0, `Message ${s} in thread ${c}`, `seed-${c}-${s}`, last - (perThread - s) * 60_000);
    }
  }
})();
raw.close();
const built = performance.now() - t0;

process.env.DATABASE_URL = `file:${file}`;
const { getStaffThread } = await import("../lib/inbox/queries");
const { listInboxContacts } = await import("../lib/inbox/contacts");
const { sendInboxMessage } = await import("../lib/inbox/send");
const manager = { id: "bench-manager", organizationId: orgId, role: "MANAGER" as const, firstName: "Bench", lastName: "Manager", email: "manager@bench.test" };

async function time(n: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn(i);
    samples.push(performance.now() - s);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!.toFixed(2);
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}

await listInboxContacts(manager); // warm up the client
const rows = [
  { name: "list contacts (50, unread counts)", n: 200, ...(await time(200, () => listInboxContacts(manager))) },
  { name: "open thread (last 100 messages)", n: 200, ...(await time(200, (i) => getStaffThread(manager, `c${i % CONTACTS}`))) },
  { name: "send message (one transaction)", n: 1000, ...(await time(1000, (i) => sendInboxMessage(manager, { conversationId: `c${i % CONTACTS}`, body: "Bench message", clientId: randomUUID() }))) },
];
console.log(`\nScratch database: ${CONTACTS} contacts, ${MESSAGES} messages, built in ${(built / 1000).toFixed(1)} s\n`);
console.log("| operation | runs | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.name} | ${r.n} | ${r.p50} | ${r.p95} | ${r.p99} |`);
process.exit(0);
