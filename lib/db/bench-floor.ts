import "server-only";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { databaseFile } from "./path";

// The framework's floor for `npm run bench`: the same message insert as a send,
// straight through better-sqlite3, with no session, Prisma or domain logic.

let insert: Database.Statement | undefined;
let seq = 0;

export function insertFloorMessage(body: string): string {
  if (!insert) {
    const db = new Database(databaseFile(), { timeout: 5000 });
    db.pragma("synchronous = NORMAL");
    insert = db.prepare(
      `INSERT INTO "Message" (id, organizationId, conversationId, seq, authorId, fromStaff, kind, body, clientId, createdAt) VALUES (?, 'bench-org', 'bench-floor', ?, 'bench-manager', 1, 'TEXT', ?, ?, ?)`,
    );
  }
  const id = randomUUID();
  insert.run(id, ++seq, body, id, new Date().toISOString());
  return id;
}
