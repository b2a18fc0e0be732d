import "server-only";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { z } from "zod";
import { databaseFile, databaseUrl, dialectOf } from "./path";
import { pgPoolOptions } from "./pg-pool";

// The framework's floor for `npm run bench`: the same message insert as a send,
// straight through better-sqlite3, with no session, Prisma or domain logic.

/** What the floor takes: a message's text, as a send does. */
export const floorBodySchema = z.object({ body: z.string().min(1).max(4000) });

let insert: Database.Statement | undefined;
let pool: pg.Pool | undefined;
let seq = 0;

export async function insertFloorMessage(body: string): Promise<string> {
  if (dialectOf() === "postgres") {
    pool ??= new pg.Pool(pgPoolOptions(databaseUrl()));
    const id = randomUUID();
    await pool.query({
      name: "bench-floor",
      text: `INSERT INTO "Message" (id, "organizationId", "conversationId", seq, "authorId", "fromStaff", kind, body, "clientId", "createdAt") VALUES ($1, 'bench-org', 'bench-floor', $2, 'bench-manager', true, 'TEXT', $3, $1, now())`,
      values: [id, ++seq, body],
    });
    return id;
  }
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
