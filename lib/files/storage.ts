import "server-only";
import { config } from "@/lib/config";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, copyFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { uploadThingStorage } from "./uploadthing";

// Where files live: on local disk under data/ by default, or UploadThing when
// UPLOADTHING_TOKEN is set. Both take a finished local file (already checked and
// cleaned) and give back a stream, so no file is ever held in memory whole.

type StoredFile = { storage: "local" | "uploadthing"; key: string; url?: string | null };

export interface FileStorage {
  readonly name: StoredFile["storage"];
  /** Moves (or uploads) the local file at `from` under `key`. */
  put(from: string, key: string, meta: { name: string; mimeType: string }): Promise<StoredFile>;
  open(file: StoredFile): Promise<Readable>;
  remove(file: StoredFile): Promise<void>;
}

export function filesRoot(): string {
  return path.resolve(/* turbopackIgnore: true */ config().FILES_DIR || path.join("data", "files"));
}

/** A scratch folder on the same disk as the files, so a finished upload is moved, not copied. */
export async function scratchDir(): Promise<string> {
  const dir = path.join(filesRoot(), ".incoming");
  await mkdir(dir, { recursive: true });
  return dir;
}

function localPath(key: string): string {
  const full = path.join(filesRoot(), key);
  if (!full.startsWith(filesRoot() + path.sep) || key.includes("..")) throw new Error(`Unsafe storage key ${key}`);
  return full;
}

export const localStorage: FileStorage = {
  name: "local",
  async put(from, key) {
    const to = localPath(key);
    await mkdir(path.dirname(to), { recursive: true });
    await rename(from, to).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "EXDEV") throw error;
      await copyFile(from, to);
      await rm(from, { force: true });
    });
    return { storage: "local", key };
  },
  async open(file) {
    const p = localPath(file.key);
    await stat(p); // a missing file is an error here, not a half-sent response
    return createReadStream(p);
  },
  async remove(file) {
    await rm(localPath(file.key), { force: true });
  },
};

export function storageFor(file?: { storage: string }): FileStorage {
  const wanted = file?.storage ?? (config().UPLOADTHING_TOKEN ? "uploadthing" : "local");
  return wanted === "uploadthing" ? uploadThingStorage() : localStorage;
}
