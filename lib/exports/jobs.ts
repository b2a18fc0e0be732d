import "server-only";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { db } from "@/lib/db";
import type { ClaimedJob } from "@/lib/jobs/queue";
import { requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/api/errors";
import { queueEmail } from "@/lib/email/outbox";
import { translatorFor } from "@/lib/i18n/translator";
import { formatBytes, formatDateTime } from "@/lib/text/format";
import { buildAttachmentsExport } from "./build";
import { buildAuditExport, requestAuditExport } from "@/lib/admin/audit-export";
import { EXPORT_JOB, enqueueExport, exportJobKey } from "./queue";
import { exportLinkPath } from "./link";
import { appUrl } from "@/lib/app-url";
import type { ExportSelection } from "./selection";

// An export's life: requested (a row and a job), built in the background, e-mailed,
// downloaded for 7 days, then deleted. A failure is tried again; the last failed try,
// or a job whose worker kept dying, ends it as FAILED with its reason.

export { EXPORT_JOB };
const jobKey = exportJobKey;

export async function requestAttachmentsExport(user: SessionUser, selection: ExportSelection): Promise<{ id: string }> {
  requireMessaging(user);
  const row = await db.exportJob.create({
    data: { organizationId: user.organizationId, requestedById: user.id, selection, downloadToken: randomBytes(24).toString("base64url") },
    select: { id: true },
  });
  await enqueueExport(row.id);
  return row;
}

/** "Try again": a new export of the same people (the failed one stays, with its reason). */
export async function retryExport(user: SessionUser, exportId: string): Promise<{ id: string }> {
  requireMessaging(user);
  const failed = await db.exportJob.findFirst({
    where: { id: exportId, organizationId: user.organizationId, requestedById: user.id, status: "FAILED" },
    select: { selection: true, kind: true },
  });
  if (!failed) throw new NotFoundError("errors.notFound.export");
  if (failed.kind === "AUDIT") return requestAuditExport(user, ((failed.selection ?? {}) as { audit?: object }).audit ?? {});
  return requestAttachmentsExport(user, (failed.selection ?? {}) as ExportSelection);
}

export async function runExportJob(payload: unknown, job: ClaimedJob, heartbeat: () => Promise<boolean>): Promise<void> {
  const exportId = String((payload as { exportId?: unknown }).exportId ?? "");
  try {
    const kind = (await db.exportJob.findUnique({ where: { id: exportId }, select: { kind: true } }))?.kind;
    if (kind === "AUDIT") await buildAuditExport(exportId);
    else await buildAttachmentsExport(exportId, heartbeat);
  } catch (error) {
    if (job.attempts < job.maxAttempts) throw error;
    console.error(`[exports] ${exportId} failed for good:`, (error as Error).message);
    await failExport(exportId, "errors.export.failed");
    return;
  }
  await mailReady(exportId);
}

async function failExport(exportId: string, reason: string): Promise<void> {
  const changed = await db.exportJob.updateMany({
    where: { id: exportId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: reason, finishedAt: new Date() },
  });
  if (changed.count) await mailFailed(exportId);
}

async function requesterOf(exportId: string) {
  const job = await db.exportJob.findUnique({ where: { id: exportId } });
  const user = job ? await db.user.findUnique({ where: { id: job.requestedById }, select: { email: true, firstName: true, locale: true } }) : null;
  const org = job ? await db.organization.findUnique({ where: { id: job.organizationId }, select: { timeZone: true } }) : null;
  return job && user && org ? { job, user, timeZone: org.timeZone } : null;
}

async function mailReady(exportId: string): Promise<void> {
  const r = await requesterOf(exportId);
  if (!r || r.job.status !== "DONE" || !r.job.expiresAt) return;
  const t = translatorFor(r.user.locale);
  const { job, user } = r;
  const expiresAt = r.job.expiresAt;
  const audit = job.kind === "AUDIT";
  await queueEmail({
    organizationId: job.organizationId,
    to: user.email,
    subject: audit ? t("email.auditExportReady.subject") : t("email.exportReady.subject"),
    text: t(audit ? "email.auditExportReady.text" : "email.exportReady.text", {
      name: user.firstName,
      date: formatDateTime(job.createdAt, r.timeZone, user.locale),
      count: job.fileCount ?? 0,
      size: formatBytes(job.fileSize ?? 0, user.locale),
      link: `${appUrl()}${exportLinkPath({ ...job, expiresAt })}`,
      expires: formatDateTime(expiresAt, r.timeZone, user.locale),
    }),
  });
}

async function mailFailed(exportId: string): Promise<void> {
  const r = await requesterOf(exportId);
  if (!r) return;
  const t = translatorFor(r.user.locale);
  await queueEmail({
    organizationId: r.job.organizationId,
    to: r.user.email,
    subject: t("email.exportFailed.subject"),
    text: t("email.exportFailed.text", {
      name: r.user.firstName,
      date: formatDateTime(r.job.createdAt, r.timeZone, r.user.locale),
      reason: t(r.job.error ?? "errors.export.failed"),
      link: `${appUrl()}/exports`,
    }),
  });
}

/**
 * Housekeeping: zips past their 7 days are deleted; an export whose job has no try
 * left (its worker died each time: a restart, a crash) is ended as interrupted rather
 * than left "running" for ever.
 */
export async function pruneExports(now = new Date()): Promise<void> {
  const expired = await db.exportJob.findMany({
    where: { status: "DONE", expiresAt: { lt: now }, filePath: { not: null } },
    select: { id: true, filePath: true },
  });
  for (const e of expired) {
    await rm(e.filePath!, { force: true });
    await db.exportJob.update({ where: { id: e.id }, data: { filePath: null } });
  }
  const open = await db.exportJob.findMany({ where: { status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true } });
  if (open.length === 0) return;
  const stuck = await db.job.findMany({
    where: {
      key: { in: open.map((e) => jobKey(e.id)) },
      doneAt: null,
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
    select: { key: true, attempts: true, maxAttempts: true },
  });
  for (const j of stuck) if (j.attempts >= j.maxAttempts) await failExport(j.key!.slice("export:".length), "errors.export.interrupted");
}
