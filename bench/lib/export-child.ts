// One attachments export, measured in a process of its own (so its memory is its own):
// BENCH_EXPORT_FILES files of BENCH_EXPORT_FILE_KB each, in a scratch database and
// files folder, then lib/exports/build.ts on them. Prints one line of JSON.
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { once } from "node:events";

// `setup` writes the files and rows; `run` (a fresh process, so setup's memory is not
// counted) builds the export and prints what it measured.
const FILES = Number(process.env.BENCH_EXPORT_FILES ?? 2000);
const KB = Number(process.env.BENCH_EXPORT_FILE_KB ?? 512);
const root = path.resolve(".tmp/bench/export");
process.env.DATABASE_URL = `file:${path.join(root, "export.db")}`;
process.env.FILES_DIR = path.join(root, "files");

if (process.argv[2] === "run") await run();
else await setup();
process.exit(0);

async function run() {
  const { db } = await import("../../lib/db");
  const { buildAttachmentsExport } = await import("../../lib/exports/build");
  const job = await db.exportJob.findFirstOrThrow({ where: { status: "QUEUED" } });
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  const built = await buildAttachmentsExport(job.id);
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    JSON.stringify({
      files: built?.fileCount,
      bytes: built?.fileSize,
      parts: built?.parts?.length,
      ms,
      baselineMb: baseline / 2 ** 20,
      peakMb: peak / 2 ** 20,
    }),
  );
  await rm(root, { recursive: true, force: true });
}

async function setup() {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });

  const { migrate } = await import("../../lib/db/migrate");
  migrate(path.join(root, "export.db"));
  const { db } = await import("../../lib/db");
  const { buildOrg } = await import("../../tests/helpers/world");
  const { addMessage } = await import("../../lib/seed/factories");
  const { newId } = await import("../../lib/db/ids");

  const o = await buildOrg(db, "Bench export");
  const teammates = [o.teammate, o.teammate2];
  const chunk = randomBytes(64 * 1024);
  const rows = [];
  for (let i = 0; i < FILES; i++) {
    const who = teammates[i % 2]!;
    const key = `${o.org.id}/bench/${i}`;
    const file = path.join(process.env.FILES_DIR!, key);
    await mkdir(path.dirname(file), { recursive: true });
    const out = createWriteStream(file);
    out.write("%PDF-1.4\n");
    for (let k = 0; k < KB / 64; k++) if (!out.write(chunk)) await once(out, "drain");
    out.end();
    await once(out, "finish");
    if (i % 10 === 0) {
      const m = await addMessage(db, {
        organizationId: o.org.id,
        conversationId: who.threadId,
        author: { id: who.id, name: who.firstName, staff: false },
        body: `files ${i}`,
      });
      rows.push({ messageId: m.id, who });
    }
    const { messageId } = rows.at(-1)!;
    await db.attachment.create({
      data: {
        id: newId(),
        organizationId: o.org.id,
        conversationId: rows.at(-1)!.who.threadId,
        messageId,
        uploaderId: rows.at(-1)!.who.id,
        fileName: `scan ${i % 50}.pdf`,
        mimeType: "application/pdf",
        size: KB * 1024 + 9,
        storageKey: key,
        sharedAt: new Date(),
      },
    });
  }
  await db.exportJob.create({
    data: { organizationId: o.org.id, requestedById: o.manager.id, downloadToken: newId(), selection: { filters: {} } },
  });
}
