// What may be attached, and how a file is named. Shared by the server (which
// decides) and the composer (which warns early, before a byte is sent).

export type FileKind = "image" | "document";

/** The types Shiftline keeps, by the type found in the file's bytes, with the extensions a name may carry. */
export const ALLOWED_TYPES: Record<string, { ext: string[]; kind: FileKind }> = {
  "image/jpeg": { ext: ["jpg", "jpeg"], kind: "image" },
  "image/png": { ext: ["png"], kind: "image" },
  "image/webp": { ext: ["webp"], kind: "image" },
  "image/gif": { ext: ["gif"], kind: "image" },
  "application/pdf": { ext: ["pdf"], kind: "document" },
  "application/msword": { ext: ["doc"], kind: "document" },
  "application/vnd.ms-excel": { ext: ["xls"], kind: "document" },
  "application/vnd.ms-powerpoint": { ext: ["ppt"], kind: "document" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { ext: ["docx"], kind: "document" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { ext: ["xlsx"], kind: "document" },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": { ext: ["pptx"], kind: "document" },
  "application/vnd.oasis.opendocument.text": { ext: ["odt"], kind: "document" },
  "application/vnd.oasis.opendocument.spreadsheet": { ext: ["ods"], kind: "document" },
  "application/vnd.oasis.opendocument.presentation": { ext: ["odp"], kind: "document" },
  "text/plain": { ext: ["txt", "text", "log"], kind: "document" },
  "text/csv": { ext: ["csv"], kind: "document" },
};

/**
 * Pictures open in the browser (sandboxed); everything else is downloaded and opens in
 * the device's own viewer. Never SVG or HTML; not PDF either, which Chromium refuses to
 * show in a sandbox and which can carry scripts.
 */
export const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

export function kindOf(mimeType: string): FileKind {
  return ALLOWED_TYPES[mimeType]?.kind ?? "document";
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_NAME = 120;

/**
 * A name safe on every disk and in every header: no folders, no control or
 * reserved characters, no leading dots, at most 120 characters with the extension
 * kept. With `exts` (those of the type found in the bytes), a name that carries
 * none of them gets the first.
 */
export function sanitizeFileName(raw: string, exts?: readonly string[]): string {
  const clean = cleanName(raw.split(/[\\/]/).pop() ?? "");
  let extension = extensionOf(clean);
  let base = extension ? clean.slice(0, -(extension.length + 1)) : clean;
  if (exts?.length && !exts.includes(extension)) {
    base = clean;
    extension = exts[0]!;
  }
  base = base.replace(/[\s.]+$/g, "");
  if (!base || RESERVED.test(base)) base = base ? `file-${base}` : "file";
  const room = MAX_NAME - (extension ? extension.length + 1 : 0);
  return [...base].slice(0, room).join("").trim() + (extension ? `.${extension}` : "");
}

/** A folder name (a teammate's, in an export): the same cleaning, no extension, slashes dropped. */
export function sanitizeFolderName(raw: string): string {
  const base = [...cleanName(raw.replace(/[\\/]/g, " "))].slice(0, MAX_NAME).join("").trim();
  return !base || RESERVED.test(base) ? `folder${base ? `-${base}` : ""}` : base;
}

function cleanName(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
}
