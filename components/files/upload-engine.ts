"use client";

import { ALLOWED_TYPES, extensionOf } from "@/lib/files/policy";
import type { WireAttachment } from "@/lib/realtime/event-types";

// What the composer needs once files are chosen, loaded then (decision 017): the checks that spare
// a wait, the upload request, and the tray that shows them. Uploading needs the network, so
// nothing here is needed offline.

export { UploadTray } from "./upload-tray";

const EXTENSIONS = new Set(Object.values(ALLOWED_TYPES).flatMap((t) => t.ext));

/** Why the page refuses a file before sending a byte, or nothing: the server decides in the end. */
export function refusal(
  file: File,
  spare: boolean,
  maxBytes: number,
  messages: { tooLarge: string; type: string; tooMany: string },
): string | undefined {
  if (!spare) return messages.tooMany;
  if (file.size > maxBytes) return messages.tooLarge;
  const ext = extensionOf(file.name);
  return ext && !EXTENSIONS.has(ext) ? messages.type : undefined;
}

export type UploadAnswer = { file?: WireAttachment; refused?: string };

/** One file on its own request to `url`: its progress, then the stored file, the server's refusal, or nothing (failed). */
export function upload(
  url: string,
  file: File,
  progress: (fraction: number) => void,
  done: (answer: UploadAnswer | null) => void,
): XMLHttpRequest {
  const xhr = new XMLHttpRequest();
  xhr.open("POST", url);
  xhr.responseType = "json";
  xhr.upload.onprogress = (e) => e.lengthComputable && progress(e.loaded / e.total);
  xhr.onload = () => {
    const body = xhr.response as {
      files?: WireAttachment[];
      refused?: { error: string }[];
      error?: string;
    } | null;
    const stored = body?.files?.[0];
    const refused = body?.refused?.[0]?.error ?? body?.error;
    done(stored ? { file: stored } : refused ? { refused } : null);
  };
  xhr.onerror = () => done(null);
  const form = new FormData();
  form.append("files", file);
  xhr.send(form);
  return xhr;
}
