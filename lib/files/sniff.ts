import "server-only";
import { open } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import { ALLOWED_TYPES, extensionOf } from "./policy";

// What a file really is, from its bytes, checked against the name it came with.
// The browser's declared type is only a hint: it comes from the extension.

export type Verdict =
  | { ok: true; mimeType: string; exts: readonly string[] }
  | { ok: false; error: "errors.file.type" | "errors.file.mismatch" };

// Old Office files share one container format; their extension tells which.
const CFB_BY_EXT: Record<string, string> = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
};
const TEXT_BY_EXT: Record<string, string> = {
  txt: "text/plain",
  text: "text/plain",
  log: "text/plain",
  csv: "text/csv",
};
// Markup a browser would run if it ever rendered the file: never kept as "text".
const MARKUP =
  /^\s*<(?:!doctype|html|head|body|svg|script|iframe|object|embed|\?xml|[a-z][a-z0-9-]*\s[^>]*on[a-z]+\s*=)/i;
const TEXT_PROBE = 64 * 1024;

export async function sniffFile(path: string, name: string): Promise<Verdict> {
  const ext = extensionOf(name);
  const found = await fileTypeFromFile(path);
  let mimeType: string | undefined;
  if (found?.mime === "application/x-cfb") mimeType = CFB_BY_EXT[ext];
  else if (found) mimeType = ALLOWED_TYPES[found.mime] ? found.mime : undefined;
  else if (await looksLikeText(path)) mimeType = TEXT_BY_EXT[ext] ?? (ext ? undefined : "text/plain");
  if (!mimeType) return { ok: false, error: found || !TEXT_BY_EXT[ext] ? "errors.file.type" : "errors.file.mismatch" };
  const exts = ALLOWED_TYPES[mimeType]!.ext;
  // A PNG named .pdf is refused: the name would open it with the wrong program.
  if (ext && !exts.includes(ext)) return { ok: false, error: "errors.file.mismatch" };
  return { ok: true, mimeType, exts };
}

/** UTF-8 (or plain ASCII) without NUL bytes and without markup at its start. */
async function looksLikeText(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(TEXT_PROBE);
    const { bytesRead } = await handle.read(buffer, 0, TEXT_PROBE, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.includes(0)) return false;
    let text: string;
    try {
      // stream: a character cut at the probe's end is not an error
      text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    } catch {
      return false;
    }
    return !MARKUP.test(text.replace(/^\uFEFF/, ""));
  } finally {
    await handle.close();
  }
}
