import { Worker } from "node:worker_threads";

// SQLite in WAL mode appends each commit to the write-ahead log, then copies the log back into
// the database file (a checkpoint). By default the connection whose commit takes the log past
// 1,000 pages does it, inside that commit: 7-12 ms here, on the one thread that serves every
// request, every 100-300 sends (more often the more pages a send writes, the search index's
// included). A thread of its own, on its own connection, checkpoints instead every 200 ms, in
// PASSIVE mode (it never waits for a reader or the writer, who never wait for it); the app's
// connections (Prisma's, lib/db/adapter.ts, and the hot path's, lib/db/sql.ts) checkpoint
// themselves only past BACKSTOP_PAGES, should this thread fall behind, or as before should it
// fail to start. BENCH_ONLY=search (send p95) measures what it saves.

/** The app's connection checkpoints past this many pages of log (40 MB) on its own. */
const BACKSTOP_PAGES = 10_000;
const EVERY_MS = 200;

// Runs in the thread. better-sqlite3 is found from the working directory, where the app runs.
const CODE = `
const { workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("synchronous = NORMAL");
setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {}
}, workerData.everyMs);
`;

type Running = { worker: Worker; users: number };
const running = ((globalThis as { shiftlineCheckpointers?: Map<string, Running> }).shiftlineCheckpointers ??=
  new Map());

/**
 * Moves `file`'s checkpoints off a connection of the app: `setAutocheckpoint` sets that
 * connection's threshold (pages) to the backstop now, and back to SQLite's default should the
 * thread fail. The thread is shared by the process's connections to `file`; the returned
 * function lets it go, and the last to let go ends it. It never keeps the process alive.
 */
export async function checkpointElsewhere(
  file: string,
  setAutocheckpoint: (pages: number) => unknown,
): Promise<() => Promise<void>> {
  await setAutocheckpoint(BACKSTOP_PAGES);
  const failed = () => {
    try {
      void Promise.resolve(setAutocheckpoint(1000)).catch(() => undefined);
    } catch {
      // The connection closed meanwhile: nothing to set.
    }
  };
  let entry = running.get(file);
  if (!entry) {
    const worker = new Worker(CODE, { eval: true, workerData: { file, everyMs: EVERY_MS } });
    worker.unref();
    entry = { worker, users: 0 };
    running.set(file, entry);
    worker.once("error", () => {
      if (running.get(file)?.worker === worker) running.delete(file);
    });
  }
  const mine = entry;
  mine.users++;
  mine.worker.once("error", failed);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    mine.worker.off("error", failed);
    if (--mine.users > 0) return;
    if (running.get(file) === mine) running.delete(file);
    await mine.worker.terminate();
  };
}

/** How many checkpointing threads this process runs (tests). */
export const checkpointerThreads = () => running.size;
