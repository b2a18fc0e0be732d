import "server-only";
import { config } from "@/lib/config";
import { createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { writeTx, type Tx } from "@/lib/db";
import { queryOne } from "@/lib/db/sql";
import { BadRequestError, UserError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translator";
import { newId } from "@/lib/db/ids";
import { cleanImage } from "./images";
import { DEFAULT_MAX_FILE_BYTES, MAX_FILES_PER_MESSAGE } from "./limits";
import { kindOf, sanitizeFileName } from "./policy";
import { sniffFile } from "./sniff";
import { scratchDir, storageFor } from "./storage";
import { recheckInTx, refusalFor, uploadLimits, uploadUsage, type Refusal, type Usage } from "./quota";
import type { WireAttachment } from "@/lib/realtime/event-types";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";

// A multipart upload read as it arrives: each file goes to a scratch file on disk
// (never whole in memory), is checked (size, bytes against name), cleaned (photos),
// then stored and recorded as waiting for its message. A refused file does not stop
// the others.

type RefusedFile = { name: string; error: string; values?: Record<string, string | number> };
export type Received = { fields: Record<string, string>; files: WireAttachment[]; refused: RefusedFile[] };
/** `conversationId` null: files for a grouped message, copied to each recipient's thread when it goes. */
export type UploadTarget = {
  organizationId: string;
  conversationId: string | null;
  uploaderId: string;
  fromStaff: boolean;
};

/** What the composer's script gets back for an upload: the files kept, and each refusal in the reader's words. */
export function uploadAnswer(received: Received, locale: string) {
  const t = translatorFor(locale);
  return {
    files: received.files,
    refused: received.refused.map((r) => ({ name: r.name, error: t(r.error, r.values) })),
  };
}

function maxFileBytes(): number {
  return config().UPLOAD_MAX_BYTES ?? DEFAULT_MAX_FILE_BYTES;
}

export async function receiveFiles(request: Request, target: UploadTarget): Promise<Received> {
  const type = request.headers.get("content-type") ?? "";
  // Not a form's upload: what sent it is not this app's composer (or a page from before an update).
  if (!request.body || !/^multipart\/form-data/i.test(type) || !/boundary=[^;\s]/i.test(type))
    throw new BadRequestError();
  const limits = uploadLimits();
  // A request that says it is far too large is refused before a byte of it is read.
  if (Number(request.headers.get("content-length") ?? 0) > limits.request + 64 * 1024)
    throw new UserError("errors.file.requestTooLarge", { size: megabytes(limits.request) });
  const limit = maxFileBytes();
  const dir = await scratchDir();
  const fields: Record<string, string> = {};
  const work: Promise<WireAttachment | RefusedFile>[] = [];
  // Over a limit already (files waiting, bytes this hour): files are read past, never written to disk.
  const usage = await uploadUsage({ get: queryOne }, target);
  const blocked = refusalFor(usage, 1, limits);
  const budget: Budget = { usage, inRequest: 0, read: 0 };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      limits: { files: MAX_FILES_PER_MESSAGE, fileSize: limit, fields: 20, fieldSize: 16 * 1024, parts: 40 },
      defParamCharset: "utf8",
    });
  } catch {
    throw new BadRequestError(); // a multipart type busboy cannot read (a boundary it refuses)
  }
  let tooMany = 0;
  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("filesLimit", () => tooMany++);
  parser.on("file", (_field, stream, info) => {
    // Browsers escape these three in a multipart file name (HTML's form-data rules).
    const name = (info.filename ?? "").replace(/%22/g, '"').replace(/%0A/gi, "\n").replace(/%0D/gi, "\r");
    if (!name || blocked) {
      stream.resume(); // an empty file input (nothing chosen), or no room: not kept
      if (name && blocked)
        work.push(Promise.resolve({ name: sanitizeFileName(name), error: blocked.error, values: blocked.values }));
      return;
    }
    const scratch = path.join(dir, `${newId()}.part`);
    let truncated = false;
    stream.on("limit", () => (truncated = true));
    // The request's bytes, all files together: past its limit, the rest is read past, not written.
    let over = false;
    const counted = new Transform({
      transform(chunk: Buffer, _enc, done) {
        budget.read += chunk.length;
        if (budget.read > limits.request) over = true;
        done(null, over ? undefined : chunk);
      },
    });
    const written = pipeline(stream, counted, createWriteStream(scratch));
    work.push(
      written
        .then(() =>
          over
            ? refuse(scratch, name, "errors.file.requestTooLarge", { size: megabytes(limits.request) })
            : truncated
              ? refuse(scratch, name, "errors.file.tooLarge", { size: megabytes(limit) })
              : keep(scratch, name, target, budget),
        )
        .catch((error: unknown) => failed(error, scratch, name)),
    );
  });
  try {
    await pipeline(Readable.fromWeb(request.body as WebReadableStream<Uint8Array>), parser);
  } catch {
    // The upload broke off (a lost network, a cancelled request, a body that is not multipart): whatever was half-written is pruned later.
    throw new UserError("errors.file.notStored");
  }
  const outcomes = await Promise.all(work);
  const files = outcomes.filter((o): o is WireAttachment => "id" in o);
  const refused = outcomes.filter((o): o is RefusedFile => !("id" in o));
  metrics.uploads.inc({ outcome: "kept" }, files.length);
  metrics.uploads.inc({ outcome: "refused" }, refused.length + (tooMany ? 1 : 0));
  metrics.uploadBytes.inc(files.reduce((n, f) => n + f.size, 0));
  if (tooMany) refused.push({ name: "", error: "errors.file.tooMany", values: { max: MAX_FILES_PER_MESSAGE } });
  return { fields, files, refused };
}

class NoRoom extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.error);
  }
}

type Budget = { usage: Usage; inRequest: number; read: number };

async function keep(
  scratch: string,
  rawName: string,
  target: UploadTarget,
  budget: Budget,
): Promise<WireAttachment | RefusedFile> {
  const { size } = await stat(scratch);
  if (size === 0) return refuse(scratch, rawName, "errors.file.empty");
  // This request's other files count too: together they may not pass a limit.
  const early = refusalFor(
    {
      ...budget.usage,
      userWaiting: budget.usage.userWaiting + budget.inRequest,
      lastHour: budget.usage.lastHour + budget.inRequest,
    },
    size,
  );
  if (early) return refuse(scratch, rawName, early.error, early.values);
  budget.inRequest += size;
  const verdict = await sniffFile(scratch, sanitizeFileName(rawName));
  if (!verdict.ok) return refuse(scratch, rawName, verdict.error);
  const name = sanitizeFileName(rawName, verdict.exts);
  const id = newId();
  const key = `${target.organizationId}/${new Date().toISOString().slice(0, 7)}/${id}`;
  const storage = storageFor();
  let file = scratch;
  let thumb: { key: string; width: number; height: number } | null = null;
  if (kindOf(verdict.mimeType) === "image") {
    const cleaned = `${scratch}.clean`;
    const thumbFile = `${scratch}.thumb`;
    try {
      const image = await cleanImage(scratch, cleaned, thumbFile, verdict.mimeType);
      await rm(scratch, { force: true });
      file = cleaned;
      const storedThumb = await storage.put(thumbFile, `${key}.thumb.webp`, {
        name: `${name}.webp`,
        mimeType: "image/webp",
      });
      thumb = { key: storedThumb.key, ...image };
    } catch {
      await Promise.all([rm(cleaned, { force: true }), rm(thumbFile, { force: true })]);
      return refuse(scratch, rawName, "errors.file.damaged");
    }
  }
  const finalSize = (await stat(/* turbopackIgnore: true */ file)).size;
  const stored = await storage.put(file, key, { name, mimeType: verdict.mimeType });
  try {
    await writeTx(async (tx, ex) => {
      const late = await recheckInTx(
        ex,
        { organizationId: target.organizationId, uploaderId: target.uploaderId },
        finalSize,
      );
      if (late) throw new NoRoom(late);
      await recordUpload(tx, {
        id,
        organizationId: target.organizationId,
        conversationId: target.conversationId,
        uploaderId: target.uploaderId,
        fromStaff: target.fromStaff,
        fileName: name,
        mimeType: verdict.mimeType,
        size: finalSize,
        storage: stored.storage,
        storageKey: stored.key,
        url: stored.url ?? null,
        thumbKey: thumb?.key ?? null,
        width: thumb?.width ?? null,
        height: thumb?.height ?? null,
      });
    });
  } catch (error) {
    // Another upload of this person took the room meanwhile: this one is not kept.
    for (const k of [stored.key, thumb?.key])
      if (k) await storage.remove({ storage: stored.storage, key: k }).catch(() => undefined);
    if (error instanceof NoRoom) return { name, error: error.refusal.error, values: error.refusal.values };
    throw error;
  }
  return {
    id,
    name,
    size: finalSize,
    mimeType: verdict.mimeType,
    width: thumb?.width ?? null,
    height: thumb?.height ?? null,
  };
}

const recordUpload = (tx: Tx, data: Parameters<Tx["attachment"]["create"]>[0]["data"]) =>
  tx.attachment.create({ data, select: { id: true } });

async function refuse(
  scratch: string,
  rawName: string,
  error: string,
  values?: RefusedFile["values"],
): Promise<RefusedFile> {
  await rm(scratch, { force: true });
  return { name: sanitizeFileName(rawName), error, ...(values ? { values } : {}) };
}

async function failed(error: unknown, scratch: string, rawName: string): Promise<RefusedFile> {
  log.error({ err: error }, "an uploaded file could not be kept");
  return refuse(scratch, rawName, "errors.file.notStored");
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));
