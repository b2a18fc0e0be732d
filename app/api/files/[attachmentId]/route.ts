import { Readable } from "node:stream";
import { z } from "zod";
import { createRoute } from "@/lib/api/route";
import { requireOpenableFile } from "@/lib/files/access";
import { INLINE_TYPES } from "@/lib/files/policy";
import { storageFor } from "@/lib/files/storage";
import { contentDisposition } from "@/lib/files/headers";
import { EVERYONE } from "@/lib/auth/roles";

const fileSchema = z.object({
  attachmentId: z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest"),
  /** "thumb": the small WebP made for the thread and the panel (images only). */
  v: z.enum(["thumb"]).optional().catch(undefined),
  /** "1": save rather than open. */
  download: z.enum(["1"]).optional().catch(undefined),
});

// The only way to a stored file: after the session, organisation and membership
// checks, streamed from storage. Only raster images and PDF open in the browser, and
// even those in a sandbox; everything else is a download.
export const GET = createRoute({ schema: fileSchema, roles: EVERYONE }, async (input, { user }) => {
  const file = await requireOpenableFile(user, input.attachmentId);
  const thumb = input.v === "thumb" && file.thumbKey;
  const storage = storageFor(file);
  const stream = await storage.open({ storage: storage.name, key: thumb ? file.thumbKey! : file.storageKey });
  const type = thumb ? "image/webp" : file.mimeType;
  const inline = !input.download && INLINE_TYPES.has(type);
  const headers = new Headers({
    "Content-Type": type,
    "Content-Disposition": contentDisposition(thumb ? `${file.fileName}.webp` : file.fileName, inline),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    "Cache-Control": "private, max-age=86400, immutable",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
  if (!thumb) headers.set("Content-Length", String(file.size));
  return new Response(Readable.toWeb(stream as Readable) as ReadableStream, { headers });
});
