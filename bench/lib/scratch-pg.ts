import { onServer, databaseIn } from "../../tests/setup/postgres";
import { migratePostgres } from "../../lib/db/migrate-postgres";
import { EXTRA_MANAGERS, FLOOR_CONVERSATION, MANAGER, ORG } from "./scratch-db";

/**
 * The same scratch data as scratch-db.ts (same ids), on PostgreSQL, generated in the
 * server with generate_series. Returns the database's URL and the build time.
 */
export async function buildScratchPg(
  serverUrl: string,
  contacts: number,
  messages: number,
  name = "shiftline_bench",
): Promise<{ url: string; ms: number }> {
  const started = performance.now();
  await onServer(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const url = databaseIn(serverUrl, name);
  await migratePostgres(url);
  const perThread = Math.max(1, Math.floor(messages / contacts));
  await onServer(url, async (c) => {
    const q = (text: string, values: unknown[] = []) => c.query(text, values);
    await q(`INSERT INTO "Organization" (id, name, slug, "createdAt") VALUES ($1, 'Bench', 'bench', now())`, [ORG]);
    await q(
      `INSERT INTO "User" (id, "organizationId", email, "firstName", "lastName", "passwordHash", role, "createdAt", "updatedAt")
      VALUES ($1, $2, 'manager@bench.test', 'Bench', 'Manager', 'x', 'MANAGER', now(), now())`,
      [MANAGER, ORG],
    );
    await q(
      `INSERT INTO "User" (id, "organizationId", email, "firstName", "lastName", "passwordHash", role, "createdAt", "updatedAt")
      SELECT 'bench-manager-' || k, $1, 'manager' || k || '@bench.test', 'Manager' || k, 'Bench', 'x', 'MANAGER', now(), now() FROM generate_series(0, $2 - 1) k`,
      [ORG, EXTRA_MANAGERS],
    );
    await q(
      `INSERT INTO "Conversation" (id, "organizationId", kind, "lastSeq", "lastInboundSeq", "createdAt") VALUES ($1, $2, 'GROUP', 0, 0, now())`,
      [FLOOR_CONVERSATION, ORG],
    );
    await q(
      `INSERT INTO "User" (id, "organizationId", email, "firstName", "lastName", "passwordHash", role, "createdAt", "updatedAt")
      SELECT 'u' || c, $1, 't' || c || '@bench.test', 'First' || c, 'Last' || lpad(c::text, 5, '0'), 'x', 'TEAMMATE', now(), now() FROM generate_series(0, $2 - 1) c`,
      [ORG, contacts],
    );
    await q(
      `INSERT INTO "TeammateProfile" ("userId", "organizationId", city, postcode)
      SELECT 'u' || c, $1, CASE WHEN c % 2 = 1 THEN 'Lyon' ELSE 'Bron' END, CASE WHEN c % 2 = 1 THEN '69003' ELSE '69500' END FROM generate_series(0, $2 - 1) c`,
      [ORG, contacts],
    );
    await q(
      `INSERT INTO "Conversation" (id, "organizationId", kind, "teammateId", "lastSeq", "lastMessageAt", "lastMessagePreview", "lastInboundSeq", "lastInboundAt", "createdAt")
      SELECT 'c' || c, $1, 'INBOX', 'u' || c, $3::int, now() - c * interval '1 minute', 'Message ' || $3::int, $3::int - 1, now() - (c + 1) * interval '1 minute', now()
      FROM generate_series(0, $2 - 1) c`,
      [ORG, contacts, perThread],
    );
    await q(
      `INSERT INTO "ConversationMember" ("conversationId", "userId", "joinedAt") SELECT 'c' || c, 'u' || c, now() FROM generate_series(0, $1 - 1) c`,
      [contacts],
    );
    await q(
      `INSERT INTO "Message" (id, "organizationId", "conversationId", seq, "authorId", "fromStaff", kind, body, "clientId", "createdAt")
      SELECT 'm' || c || '-' || s, $1, 'c' || c, s, CASE WHEN s % 2 = 0 THEN $4 ELSE 'u' || c END, s % 2 = 0, 'TEXT',
        'Message ' || s || ' in thread ' || c, 'seed-' || c || '-' || s, now() - c * interval '1 minute' - ($3 - s) * interval '1 minute'
      FROM generate_series(0, $2::int - 1) c, generate_series(1, $3::int) s`,
      [ORG, contacts, perThread, MANAGER],
    );
    await q("ANALYZE");
  });
  return { url, ms: performance.now() - started };
}
