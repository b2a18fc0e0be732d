import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrate } from "../../lib/db/migrate";
import { openSqlite } from "../../lib/db/sqlite-file";

export const ORG = "bench-org";
export const MANAGER = "bench-manager";
export const FLOOR_CONVERSATION = "bench-floor";
export const teammateId = (i: number) => `u${i}`;
export const threadId = (i: number) => `c${i}`;
/** Extra managers for the browser-like listeners (the inbox open on thread `threadId(k)`). */
export const managerId = (k: number) => `bench-manager-${k}`;
export const EXTRA_MANAGERS = 50;
/** The scratch manager as a signed-in session sees them, for library calls (sendGroupedMessage…). */
export const MANAGER_USER = {
  id: MANAGER,
  organizationId: ORG,
  role: "MANAGER" as const,
  email: "manager@bench.test",
  firstName: "Bench",
  lastName: "Manager",
  locale: "en",
  messagingAccess: true,
};

// Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset.
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** A migrated scratch database with `contacts` teammates and `messages` messages spread over their threads. */
export function buildScratchDb(file: string, contacts: number, messages: number): number {
  const started = performance.now();
  mkdirSync(path.dirname(file), { recursive: true });
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
  migrate(file);
  const db = openSqlite(file);
  const now = Date.now();
  const addUser = db.prepare(
    `INSERT INTO "User" (id, organizationId, email, firstName, lastName, passwordHash, role, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 'x', ?, ?, ?)`,
  );
  const addProfile = db.prepare(
    `INSERT INTO "TeammateProfile" (userId, organizationId, city, postcode) VALUES (?, ?, ?, ?)`,
  );
  const addConv = db.prepare(
    `INSERT INTO "Conversation" (id, organizationId, kind, teammateId, lastSeq, lastMessageAt, lastMessagePreview, lastInboundSeq, lastInboundAt, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addMember = db.prepare(`INSERT INTO "ConversationMember" (conversationId, userId, joinedAt) VALUES (?, ?, ?)`);
  const addMsg = db.prepare(
    `INSERT INTO "Message" (id, organizationId, conversationId, seq, authorId, fromStaff, kind, body, clientId, createdAt) VALUES (?, ?, ?, ?, ?, ?, 'TEXT', ?, ?, ?)`,
  );
  db.transaction(() => {
    db.prepare(`INSERT INTO "Organization" (id, name, slug, createdAt) VALUES (?, 'Bench', 'bench', ?)`).run(
      ORG,
      iso(now),
    );
    addUser.run(MANAGER, ORG, "manager@bench.test", "Bench", "Manager", "MANAGER", iso(now), iso(now));
    for (let k = 0; k < EXTRA_MANAGERS; k++)
      addUser.run(managerId(k), ORG, `manager${k}@bench.test`, `Manager${k}`, "Bench", "MANAGER", iso(now), iso(now));
    addConv.run(FLOOR_CONVERSATION, ORG, "GROUP", null, 0, null, null, 0, null, iso(now));
    const perThread = Math.max(1, Math.floor(messages / contacts));
    for (let c = 0; c < contacts; c++) {
      const uid = teammateId(c);
      const last = now - c * 60_000;
      addUser.run(
        uid,
        ORG,
        `t${c}@bench.test`,
        `First${c}`,
        `Last${String(c).padStart(5, "0")}`,
        "TEAMMATE",
        iso(now),
        iso(now),
      );
      addProfile.run(uid, ORG, c % 2 ? "Lyon" : "Bron", c % 2 ? "69003" : "69500");
      addConv.run(
        threadId(c),
        ORG,
        "INBOX",
        uid,
        perThread,
        iso(last),
        `Message ${perThread}`,
        perThread - 1,
        iso(last - 60_000),
        iso(now),
      );
      addMember.run(threadId(c), uid, iso(now));
      for (let s = 1; s <= perThread; s++) {
        const staff = s % 2 === 0;
        addMsg.run(
          `m${c}-${s}`,
          ORG,
          threadId(c),
          s,
          staff ? MANAGER : uid,
          staff ? 1 : 0,
          `Message ${s} in thread ${c}`,
          `seed-${c}-${s}`,
          iso(last - (perThread - s) * 60_000),
        );
      }
    }
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return performance.now() - started;
}
