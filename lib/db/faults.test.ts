import { mkdtempSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./create-client";
import { databaseFault } from "./faults";

// Real errors, raised by the real drivers, each mapped to what it says about the database.

const caught = async (work: () => unknown): Promise<unknown> => {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
};

describe("SQLite", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "shiftline-faults-"));
  const file = path.join(dir, "t.db");
  const setup = new Database(file);
  setup.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)`);
  setup.close();

  it("a full disk and a read-only file mean it cannot store; a busy lock that it is unavailable; a broken rule is neither", async () => {
    const db = new Database(file);
    db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true }) as number}`);
    const full = await caught(() => {
      for (let i = 0; i < 10_000; i++) db.prepare("INSERT INTO t (v) VALUES (?)").run(`${i}-${"x".repeat(500)}`);
    });
    expect((full as { code: string }).code).toBe("SQLITE_FULL");
    expect(databaseFault(full)).toBe("storage");
    db.pragma("max_page_count = 1073741823"); // space again: the same connection writes (no restart)
    db.prepare("INSERT INTO t (v) VALUES ('after')").run();

    const readonly = new Database(file, { readonly: true });
    expect(databaseFault(await caught(() => readonly.prepare("INSERT INTO t (v) VALUES ('ro')").run()))).toBe(
      "storage",
    );

    db.exec("BEGIN IMMEDIATE");
    const other = new Database(file, { timeout: 0 });
    const busy = await caught(() => other.exec("BEGIN IMMEDIATE"));
    expect(databaseFault(busy)).toBe("unavailable");
    db.exec("ROLLBACK");
    const clash = await caught(() => other.prepare("INSERT INTO t (v) VALUES ('after')").run());
    expect((clash as { code: string }).code).toBe("SQLITE_CONSTRAINT_UNIQUE");
    expect(databaseFault(clash)).toBeNull();
    for (const d of [db, readonly, other]) d.close();
  });
});

/** A stand-in PostgreSQL server on 127.0.0.1 that does what `behave` says with each connection. */
async function fakePostgres(behave: (socket: Socket) => void): Promise<{ url: string; server: Server }> {
  const server = createServer(behave);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  servers.push(server);
  return { url: `postgresql://u:p@127.0.0.1:${port}/db`, server };
}
const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

// The protocol's few messages a stand-in needs: authentication done, ready, and an error.
function frame(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeUInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const authOk = () => frame("R", Buffer.from([0, 0, 0, 0]));
const ready = () => frame("Z", Buffer.from("I"));
const pgError = (code: string, text: string) =>
  frame("E", Buffer.concat([Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${text}\0`), Buffer.from([0])]));

/** Answers the start of a connection, then `then` with what the client sends next. */
const handshake = (then: (socket: Socket) => void) => (socket: Socket) => {
  socket.once("data", () => {
    socket.write(Buffer.concat([authOk(), ready()]));
    socket.once("data", () => then(socket));
  });
  socket.on("error", () => undefined);
};

describe("PostgreSQL, through pg and through Prisma", () => {
  it("each way of not reaching it means unavailable", async () => {
    // Port 1, where nothing listens: a port freed by closing a server of ours could be taken at
    // once by another test file's server (files run in parallel), and then the connect hangs.
    const closed = { url: "postgresql://u:p@127.0.0.1:1/db" };
    const refused = await caught(() => new pg.Client({ connectionString: closed.url }).connect());
    expect((refused as { code: string }).code).toBe("ECONNREFUSED");

    const hangsUp = await fakePostgres((s) => s.destroy());
    const terminated = await caught(() => new pg.Client({ connectionString: hangsUp.url }).connect());
    expect(String((terminated as Error).message)).toMatch(/Connection terminated unexpectedly/);

    const silent = await fakePostgres((s) => s.on("error", () => undefined));
    const timeout = await caught(() =>
      new pg.Client({ connectionString: silent.url, connectionTimeoutMillis: 200 }).connect(),
    );
    const pool = new pg.Pool({ connectionString: silent.url, connectionTimeoutMillis: 200 });
    const poolTimeout = await caught(() => pool.query("SELECT 1"));
    await pool.end().catch(() => undefined);

    const shutdown = await fakePostgres(
      handshake((s) => s.end(pgError("57P01", "terminating connection due to administrator command"))),
    );
    const client = new pg.Client({ connectionString: shutdown.url });
    client.on("error", () => undefined);
    await client.connect();
    const adminShutdown = await caught(() => client.query("SELECT 1"));
    expect((adminShutdown as { code: string }).code).toBe("57P01");

    // The server restarting mid-query: the connection is reset, and the client is no longer usable.
    const resets = await fakePostgres(handshake((s) => s.resetAndDestroy()));
    const broken = new pg.Client({ connectionString: resets.url });
    broken.on("error", () => undefined);
    await broken.connect();
    const reset = await caught(() => broken.query("SELECT 1"));
    const notQueryable = await caught(() => broken.query("SELECT 1"));
    expect(String((notQueryable as Error).message)).toMatch(/not queryable/);

    const starting = await fakePostgres((s) =>
      s.once("data", () => s.end(pgError("57P03", "the database system is starting up"))),
    );
    const startingUp = await caught(() => new pg.Client({ connectionString: starting.url }).connect());

    const prisma = createPrismaClient(closed.url.replace("u:p@", "u@"));
    const throughPrisma = await caught(() => prisma.user.count());
    await prisma.$disconnect();

    for (const [what, error] of Object.entries({
      refused,
      terminated,
      timeout,
      poolTimeout,
      adminShutdown,
      reset,
      notQueryable,
      startingUp,
      throughPrisma,
    }))
      expect(databaseFault(error), `${what}: ${(error as Error).message}`).toBe("unavailable");
  });

  it("a full disk or a read-only server means it cannot store; any other refusal is neither", async () => {
    const answer = (code: string, text: string) =>
      fakePostgres(
        handshake((s) =>
          s.write(Buffer.concat([frame("E", Buffer.from(`SERROR\0VERROR\0C${code}\0M${text}\0\0`)), ready()])),
        ),
      );
    const ask = async (url: string) => {
      const c = new pg.Client({ connectionString: url });
      c.on("error", () => undefined);
      await c.connect();
      const error = await caught(() => c.query("INSERT INTO t VALUES (1)"));
      await c.end().catch(() => undefined);
      return error;
    };
    expect(
      databaseFault(
        await ask((await answer("53100", 'could not extend file "base/1/2": No space left on device')).url),
      ),
    ).toBe("storage");
    expect(
      databaseFault(await ask((await answer("25006", "cannot execute INSERT in a read-only transaction")).url)),
    ).toBe("storage");
    const unique = await ask((await answer("23505", 'duplicate key value violates unique constraint "t_pkey"')).url);
    expect((unique as { code: string }).code).toBe("23505"); // positive control: the stand-in's errors do arrive
    expect(databaseFault(unique)).toBeNull();
  });
});
