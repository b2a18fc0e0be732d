import "server-only";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import JSZip from "jszip";
import { db } from "@/lib/db";
import { inChunks } from "@/lib/db/chunks";
import { storageFor, filesRoot } from "@/lib/files/storage";
import { sanitizeFileName, sanitizeFolderName, extensionOf } from "@/lib/files/policy";
import { translatorFor } from "@/lib/i18n/translator";
import type { SessionUser } from "@/lib/auth/roles";
import { teammateIdsMatching } from "@/lib/inbox/contacts";
import { csvLine } from "./csv";
import { LazyFile } from "./zip-entry";
import { readSelection } from "./selection";

// Builds an attachments export: a .zip with one folder per teammate and a manifest,
// streamed from storage to disk (memory stays flat whatever the total size). The
// files are those of messages in the teammates' inbox threads: private notes carry
// none, and the manifest names only the file, its sender, its time and its thread.

export const EXPORT_TTL_MS = 7 * 24 * 3600_000;
const PROGRESS_EVERY_MS = 1000;

export function exportsDir(): string {
  return path.join(filesRoot(), ".exports");
}

type Heartbeat = () => Promise<boolean>;

export async function buildAttachmentsExport(exportId: string, heartbeat: Heartbeat = async () => true): Promise<void> {
  const job = await db.exportJob.findUnique({ where: { id: exportId } });
  if (!job || job.status === "DONE" || job.status === "FAILED") return;
  const requester = await db.user.findFirst({
    where: { id: job.requestedById, organizationId: job.organizationId },
    select: { id: true, organizationId: true, role: true, email: true, firstName: true, lastName: true, locale: true, messagingAccess: true },
  });
  if (!requester) throw new Error(`Export ${exportId}: its requester is gone`);
  const user: SessionUser = { ...requester, locale: requester.locale };
  const t = translatorFor(user.locale);
  await db.exportJob.update({ where: { id: exportId }, data: { status: "RUNNING", startedAt: new Date(), progress: 0, error: null } });

  const selection = readSelection(job.selection);
  const teammateIds = selection.teammateIds ?? (await teammateIdsMatching(user, selection.filters ?? {}));
  const teammates = await inChunks(teammateIds, (slice) =>
    db.user.findMany({ where: { id: { in: slice }, organizationId: job.organizationId }, select: { id: true, firstName: true, lastName: true } }),
  );
  const files = (
    await inChunks(
      teammates.map((p) => p.id),
      (slice) =>
        db.attachment.findMany({
          where: {
            organizationId: job.organizationId,
            messageId: { not: null },
            message: { deletedAt: null },
            conversation: { kind: "INBOX", deletedAt: null, teammateId: { in: slice } },
          },
          select: {
            id: true,
            fileName: true,
            mimeType: true,
            size: true,
            storage: true,
            storageKey: true,
            sharedAt: true,
            uploaderId: true,
            conversation: { select: { teammateId: true } },
          },
        }),
    )
  ).sort((a, b) => (a.sharedAt?.getTime() ?? 0) - (b.sharedAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
  const people = new Map(
    (
      await inChunks([...new Set([...files.map((f) => f.uploaderId), ...teammates.map((p) => p.id)])], (slice) =>
        db.user.findMany({ where: { organizationId: job.organizationId, id: { in: slice } }, select: { id: true, firstName: true, lastName: true } }),
      )
    ).map((p) => [p.id, `${p.firstName} ${p.lastName}`]),
  );
  await db.exportJob.update({ where: { id: exportId }, data: { total: files.length } });

  const folders = uniqueFolders(teammates);
  const zip = new JSZip();
  const taken = new Set<string>();
  let manifest =
    "\uFEFF" +
    csvLine([
      t("exports.manifest.teammate"),
      t("exports.manifest.file"),
      t("exports.manifest.name"),
      t("exports.manifest.sharedBy"),
      t("exports.manifest.sharedAt"),
      t("exports.manifest.thread"),
      t("exports.manifest.type"),
      t("exports.manifest.size"),
    ]);
  let done = 0;
  for (const f of files) {
    const teammateId = f.conversation!.teammateId!;
    const folder = folders.get(teammateId)!;
    const entry = uniqueName(`${folder}/${(f.sharedAt ?? new Date()).toISOString().slice(0, 10)} ${sanitizeFileName(f.fileName)}`, taken);
    const storage = storageFor(f);
    zip.file(
      entry,
      new LazyFile(
        () => storage.open({ storage: storage.name, key: f.storageKey }),
        () => done++,
      ),
      { binary: true, compression: /^text\//.test(f.mimeType) ? "DEFLATE" : "STORE", date: f.sharedAt ?? undefined },
    );
    const name = people.get(teammateId) ?? "";
    manifest += csvLine([
      name,
      entry,
      f.fileName,
      people.get(f.uploaderId) ?? "",
      (f.sharedAt ?? new Date()).toISOString(),
      t("exports.manifest.inbox", { name }),
      f.mimeType,
      f.size,
    ]);
  }
  zip.file("manifest.csv", manifest, { compression: "DEFLATE" });

  await mkdir(exportsDir(), { recursive: true });
  const target = path.join(exportsDir(), `${exportId}.zip`);
  const partial = `${target}.part`;
  let last = Date.now();
  let lost = false;
  const progress = setInterval(() => {
    void (async () => {
      if (Date.now() - last < PROGRESS_EVERY_MS) return;
      last = Date.now();
      if (!(await heartbeat())) lost = true;
      await db.exportJob.update({ where: { id: exportId }, data: { progress: done } }).catch(() => undefined);
    })();
  }, PROGRESS_EVERY_MS);
  try {
    const out = zip.generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "STORE", platform: "UNIX" });
    out.on("data", () => {
      if (lost) (out as unknown as Readable).destroy(new Error("The export's lease moved to another worker"));
    });
    await pipeline(out, createWriteStream(partial));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    clearInterval(progress);
  }
  await rename(partial, target);
  const { size } = await stat(target);
  const now = new Date();
  await db.exportJob.update({
    where: { id: exportId },
    data: {
      status: "DONE",
      progress: files.length,
      fileCount: files.length,
      fileSize: size,
      filePath: target,
      finishedAt: now,
      expiresAt: new Date(now.getTime() + EXPORT_TTL_MS),
    },
  });
}

/** "Lastname Firstname", made unique and safe as a folder name. */
function uniqueFolders(teammates: { id: string; firstName: string; lastName: string }[]): Map<string, string> {
  const used = new Set<string>();
  const folders = new Map<string, string>();
  for (const p of teammates) {
    const base = sanitizeFolderName(`${p.lastName} ${p.firstName}`);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    used.add(name.toLowerCase());
    folders.set(p.id, name);
  }
  return folders;
}

/** "a.pdf", then "a (2).pdf": zip tools and disks that ignore case see them as different too. */
function uniqueName(wanted: string, taken: Set<string>): string {
  const ext = extensionOf(wanted);
  const stem = ext ? wanted.slice(0, -(ext.length + 1)) : wanted;
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} (${n})${ext ? `.${ext}` : ""}`;
  taken.add(name.toLowerCase());
  return name;
}
