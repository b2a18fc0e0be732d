import "server-only";
import { stat } from "node:fs/promises";
import { db } from "@/lib/db";
import { NotFoundError, UserError } from "@/lib/api/errors";
import { requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { checkExportLink } from "./link";

/**
 * The zip behind an e-mailed link: signed, unexpired, and asked for in the
 * requester's own session (anyone else, in the organisation or not, gets "not found").
 */
export async function openExportDownload(user: SessionUser, input: { exportId: string; expires: number; sig: string }) {
  requireMessaging(user);
  const job = await db.exportJob.findFirst({ where: { id: input.exportId, organizationId: user.organizationId, requestedById: user.id } });
  if (!job) throw new NotFoundError("errors.notFound.export");
  if (!job.expiresAt) throw new UserError("errors.export.notReady");
  const check = checkExportLink({ ...job, expiresAt: job.expiresAt }, input.expires, input.sig);
  if (check === "bad") throw new NotFoundError("errors.export.badLink");
  const size = job.filePath ? (await stat(job.filePath).catch(() => null))?.size : undefined;
  if (check === "expired" || !job.filePath || size === undefined) throw new UserError("errors.export.expired");
  const day = job.createdAt.toISOString().slice(0, 10);
  return job.kind === "AUDIT"
    ? { path: job.filePath, size, name: `shiftline-audit-${day}.csv`, type: "text/csv; charset=utf-8" }
    : { path: job.filePath, size, name: `shiftline-attachments-${day}.zip`, type: "application/zip" };
}
