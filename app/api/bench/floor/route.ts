import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { z } from "zod";
import { databaseFile } from "@/lib/db/path";

// The framework's floor for `npm run bench`: the same message insert as a send,
// straight through better-sqlite3, with no session, Prisma or domain logic.
// It exists only when the benchmark starts the server with SHIFTLINE_BENCH_FLOOR=1
// on a scratch database; otherwise it answers 404 like any unknown route.

const bodySchema = z.object({ body: z.string().min(1).max(4000) });
let insert: Database.Statement | undefined;
let seq = 0;

export async function POST(request: Request) {
  if (process.env.SHIFTLINE_BENCH_FLOOR !== "1") return new Response("Not found", { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ ok: false, error: "Invalid body." }, { status: 400 });
  if (!insert) {
    const db = new Database(databaseFile(), { timeout: 5000 });
    db.pragma("synchronous = NORMAL");
    insert = db.prepare(
      `INSERT INTO "Message" (id, organizationId, conversationId, seq, authorId, fromStaff, kind, body, clientId, createdAt) VALUES (?, 'bench-org', 'bench-floor', ?, 'bench-manager', 1, 'TEXT', ?, ?, ?)`,
    );
  }
  const id = randomUUID();
  insert.run(id, ++seq, parsed.data.body, id, new Date().toISOString());
  return Response.json({ ok: true, id });
}
