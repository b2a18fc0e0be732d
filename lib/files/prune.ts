import "server-only";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { scratchDir, storageFor } from "./storage";

const DAY = 24 * 3600_000;

/**
 * Housekeeping: uploads never sent with a message after a day (every one of them, a
 * thousand at a time, so that housekeeping keeps pace with any upload rate), and scratch
 * files a broken upload left.
 */
export async function pruneWaitingUploads(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - DAY);
  let removed = 0;
  for (;;) {
    const waiting = await db.attachment.findMany({
      // sharedAt set without a message: a grouped message's original, which its copies share.
      where: { messageId: null, sharedAt: null, createdAt: { lt: before } },
      select: { id: true, storage: true, storageKey: true, thumbKey: true },
      take: 1000,
    });
    for (const a of waiting) {
      const storage = storageFor(a);
      for (const key of [a.storageKey, a.thumbKey])
        if (key) await storage.remove({ storage: storage.name, key }).catch(() => undefined);
      await db.attachment.delete({ where: { id: a.id } });
    }
    removed += waiting.length;
    if (waiting.length < 1000) break;
  }
  const dir = await scratchDir();
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    if ((await stat(file)).mtimeMs < before.getTime()) await rm(file, { force: true });
  }
  return removed;
}
