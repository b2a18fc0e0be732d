import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { z } from "zod";
import { createRoute } from "@/lib/api/route";
import { openExportDownload } from "@/lib/exports/download";
import { contentDisposition } from "@/lib/files/headers";
import { STAFF_ROLES } from "@/lib/auth/roles";

const downloadSchema = z.object({
  exportId: z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest"),
  expires: z.coerce.number().int().min(0, "errors.export.badLink"),
  sig: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "errors.export.badLink"),
  part: z.coerce.number().int().min(1, "errors.export.badLink").max(100_000, "errors.export.badLink").optional(),
});

// The e-mailed link of an export (lib/exports/download.ts says who may follow it).
export const GET = createRoute({ schema: downloadSchema, roles: STAFF_ROLES }, async (input, { user }) => {
  const zip = await openExportDownload(user, input);
  return new Response(Readable.toWeb(createReadStream(zip.path)) as ReadableStream, {
    headers: {
      "Content-Type": zip.type,
      "Content-Length": String(zip.size),
      "Content-Disposition": contentDisposition(zip.name, false),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
