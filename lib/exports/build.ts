import "server-only";
import { actingUser } from "@/lib/auth/acting-user";
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import JSZip from "jszip";
import { db } from "@/lib/db";
import { inChunks } from "@/lib/db/chunks";
import { storageFor } from "@/lib/files/storage";
import { sanitizeFileName, sanitizeFolderName, extensionOf } from "@/lib/files/policy";
import { translatorFor } from "@/lib/i18n/translator";
import { dayKey } from "@/lib/text/format";
import { getOrganization } from "@/lib/org/queries";
import type { SessionUser } from "@/lib/auth/roles";
import { teammateIdsMatching } from "@/lib/inbox/contacts";
import { csvLine } from "./csv";
import { LazyFile } from "./zip-entry";
import { readSelection } from "./selection";
import { exportsDir } from "./queue";

// Builds an attachments export: a .zip with one folder per teammate and a manifest,
// streamed from storage to disk (memory stays flat whatever the total size). The
// files are those of messages in the teammates' inbox threads: private notes carry
// none, and the manifest names only the file, its sender, its time and its thread.

export const EXPORT_TTL_MS = 7 * 24 * 3600_000;
const PROGRESS_EVERY_MS = 1000;

/** What a finished build wrote, for the row (lib/exports/jobs.ts stores it with its e-mail). */
export type Built = { filePath: string; fileSize: number; fileCount: number; total: number; parts?: Part[] };

/** Builds the zip; null when there is nothing to build (done or failed already). Stops when `signal` aborts. */
export async function buildAttachmentsExport(
  exportId: string,
  signal?: AbortSignal,
  limits = PART_LIMITS,
): Promise<Built | null> {
  const job = await db.exportJob.findUnique({ where: { id: exportId } });
  if (!job || job.status === "DONE" || job.status === "FAILED") return null;
  const user: SessionUser | null = await actingUser(job.requestedById, job.organizationId);
  if (!user) throw new Error(`Export ${exportId}: its requester is gone`);
  const t = translatorFor(user.locale);
  // Files are named by the day they were shared in the organisation's time zone, as its people count days.
  const { timeZone } = await getOrganization(user);
  await db.exportJob.update({
    where: { id: exportId },
    data: { status: "RUNNING", startedAt: new Date(), progress: 0, error: null },
  });

  const selection = readSelection(job.selection);
  const teammateIds = selection.teammateIds ?? (await teammateIdsMatching(user, selection.filters ?? {}));
  const teammates = await inChunks(teammateIds, (slice) =>
    db.user.findMany({
      where: { id: { in: slice }, organizationId: job.organizationId },
      select: { id: true, firstName: true, lastName: true },
    }),
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
        db.user.findMany({
          where: { organizationId: job.organizationId, id: { in: slice } },
          select: { id: true, firstName: true, lastName: true },
        }),
      )
    ).map((p) => [p.id, `${p.firstName} ${p.lastName}`]),
  );
  await db.exportJob.update({ where: { id: exportId }, data: { total: files.length } });

  const folders = uniqueFolders(teammates);
  const header = csvLine([
    t("exports.manifest.teammate"),
    t("exports.manifest.file"),
    t("exports.manifest.name"),
    t("exports.manifest.sharedBy"),
    t("exports.manifest.sharedAt"),
    t("exports.manifest.thread"),
    t("exports.manifest.type"),
    t("exports.manifest.size"),
  ]);
  await mkdir(exportsDir(), { recursive: true });
  let done = 0;
  const progress = setInterval(() => {
    void db.exportJob.update({ where: { id: exportId }, data: { progress: done } }).catch(() => undefined);
  }, PROGRESS_EVERY_MS);
  const parts: Part[] = [];
  try {
    for (const [index, slice] of splitIntoParts(files, (f) => f.conversation!.teammateId!, limits).entries()) {
      const number = index + 1;
      const target = path.join(exportsDir(), `${exportId}-${number}.zip`);
      // Written aside, then renamed: a try that stops leaves only .part files, which giving up removes.
      const partial = `${target}.part`;
      const manifestFile = path.join(exportsDir(), `${exportId}-${number}.manifest.csv.part`);
      const manifest = createWriteStream(manifestFile);
      const note = async (line: string) => {
        if (!manifest.write(line)) await once(manifest, "drain");
      };
      try {
        await note(`\uFEFF${header}`);
        const zip = new JSZip();
        const taken = new Set<string>();
        for (const f of slice) {
          const teammateId = f.conversation!.teammateId!;
          const entry = uniqueName(
            `${folders.get(teammateId)!}/${dayKey(f.sharedAt ?? new Date(), timeZone)} ${sanitizeFileName(f.fileName)}`,
            taken,
          );
          const storage = storageFor(f);
          zip.file(
            entry,
            new LazyFile(
              () => storage.open({ storage: storage.name, key: f.storageKey }),
              () => done++,
            ),
            {
              binary: true,
              compression: /^text\//.test(f.mimeType) ? "DEFLATE" : "STORE",
              date: f.sharedAt ?? undefined,
            },
          );
          const name = people.get(teammateId) ?? "";
          await note(
            csvLine([
              name,
              entry,
              f.fileName,
              people.get(f.uploaderId) ?? "",
              (f.sharedAt ?? new Date()).toISOString(),
              t("exports.manifest.inbox", { name }),
              f.mimeType,
              f.size,
            ]),
          );
        }
        manifest.end();
        await once(manifest, "finish");
        // The manifest goes in from its file on disk: never held whole in memory.
        zip.file(
          "manifest.csv",
          new LazyFile(
            async () => createReadStream(manifestFile),
            () => undefined,
          ),
          { binary: true, compression: "DEFLATE" },
        );
        const out = zip.generateNodeStream({
          type: "nodebuffer",
          streamFiles: true,
          compression: "STORE",
          platform: "UNIX",
        });
        // The lease moved to another worker: this try stops writing.
        await pipeline(out, createWriteStream(partial), { signal });
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      } finally {
        manifest.destroy();
        await rm(manifestFile, { force: true });
      }
      parts.push({ number, filePath: target, fileSize: (await stat(target)).size, fileCount: slice.length });
    }
  } catch (error) {
    await Promise.all(parts.map((p) => rm(p.filePath, { force: true })));
    throw error;
  } finally {
    clearInterval(progress);
  }
  return {
    filePath: parts[0]!.filePath,
    fileSize: parts.reduce((n, p) => n + p.fileSize, 0),
    fileCount: files.length,
    total: files.length,
    parts,
  };
}

/** One .zip of an export. */
type Part = { number: number; filePath: string; fileSize: number; fileCount: number };

/**
 * JSZip writes no ZIP64: a zip holds at most 65,535 entries (files, their folders and the
 * manifest) and 4 GiB. Parts stay well under both; the files keep their order.
 */
export const PART_LIMITS = { entries: 60_000, bytes: 3.5 * 1024 ** 3 };
// A local header, a data descriptor and a central directory record, with a long name.
const ENTRY_OVERHEAD = 600;

export function splitIntoParts<F extends { size: number }>(
  files: F[],
  folderOf: (f: F) => string,
  limits = PART_LIMITS,
): F[][] {
  const parts: F[][] = [];
  let current: F[] = [];
  let folders = new Set<string>();
  let entries = 1; // the manifest
  let bytes = 0;
  for (const f of files) {
    const newFolder = !folders.has(folderOf(f));
    const more = 1 + (newFolder ? 1 : 0);
    const size = f.size + ENTRY_OVERHEAD;
    if (current.length && (entries + more > limits.entries || bytes + size > limits.bytes)) {
      parts.push(current);
      current = [];
      folders = new Set();
      entries = 1;
      bytes = 0;
    }
    if (!folders.has(folderOf(f))) {
      folders.add(folderOf(f));
      entries++;
    }
    current.push(f);
    entries++;
    bytes += size;
  }
  parts.push(current); // an export with no file is one zip with its manifest
  return parts;
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
