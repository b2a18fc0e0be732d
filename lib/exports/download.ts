import "server-only";
import { stat } from "node:fs/promises";
import { db } from "@/lib/db";
import { NotFoundError, UserError } from "@/lib/errors";
import { requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { checkExportLink } from "./link";

/**
 * The zip behind an e-mailed link: signed, unexpired, and asked for in the
 * requester's own session (anyone else, in the organisation or not, gets "not found").
 */
export async function openExportDownload(
  user: SessionUser,
  input: { exportId: string; expires: number; sig: string; part?: number },
) {
  requireMessaging(user);
  const job = await db.exportJob.findFirst({
    where: { id: input.exportId, organizationId: user.organizationId, requestedById: user.id },
    include: { parts: { select: { number: true, filePath: true }, orderBy: { number: "asc" } } },
  });
  // The audit history is for admins: one demoted since asking no longer downloads it.
  if (!job || (job.kind === "AUDIT" && user.role !== "ADMIN")) throw new NotFoundError("errors.notFound.export");
  if (!job.expiresAt) throw new UserError("errors.export.notReady");
  const check = checkExportLink({ ...job, expiresAt: job.expiresAt }, input.expires, input.sig);
  if (check === "bad") throw new NotFoundError("errors.export.badLink");
  const number = input.part ?? 1;
  // An export of one file (an audit CSV, or a zip from before parts) is its part 1.
  const file = job.parts.length
    ? job.parts.find((p) => p.number === number)?.filePath
    : number === 1
      ? job.filePath
      : null;
  if (job.parts.length && !file) throw new NotFoundError("errors.export.badLink");
  const size = job.filePath && file ? (await stat(file).catch(() => null))?.size : undefined;
  if (check === "expired" || !file || size === undefined) throw new UserError("errors.export.expired");
  const day = job.createdAt.toISOString().slice(0, 10);
  if (job.kind === "AUDIT")
    return { path: file, size, name: `shiftline-audit-${day}.csv`, type: "text/csv; charset=utf-8" };
  const name =
    job.parts.length > 1
      ? `shiftline-attachments-${day}-part-${number}-of-${job.parts.length}.zip`
      : `shiftline-attachments-${day}.zip`;
  return { path: file, size, name, type: "application/zip" };
}
