import "server-only";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { db, writeTx } from "@/lib/db";
import { sql, type SqlExec } from "@/lib/db/exec";
import type { Ending } from "@/lib/jobs/registry";
import { requireAdmin, requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { queueEmailIn } from "@/lib/email/outbox";
import { translatorFor } from "@/lib/i18n/translator";
import { formatBytes, formatDateTime } from "@/lib/text/format";
import { buildAttachmentsExport, EXPORT_TTL_MS, PART_LIMITS, type Built } from "./build";
import { enqueueExportIn, removeExportFiles } from "./queue";
import { exportLinkPath } from "./link";
import { appUrl } from "@/lib/config";
import type { ExportSelection } from "./selection";
import { log } from "@/lib/log";

// An export's life: requested (a row and its job, together), built in the background,
// marked done with its e-mail in one transaction, downloaded for 7 days, then deleted. A
// failure is tried again; when the job is given up (its last try failed, or its worker died
// on every try) the export ends as failed or interrupted, with one e-mail.

export async function requestAttachmentsExport(user: SessionUser, selection: ExportSelection): Promise<{ id: string }> {
  requireMessaging(user);
  return requestExport(user, "ATTACHMENTS", selection);
}

/** A new export of this kind (the caller checked the requester's rights): the row and its job, together. */
export async function requestExport(user: SessionUser, kind: ExportKind, selection: object): Promise<{ id: string }> {
  // A crash between the two cannot leave a request that never runs.
  return writeTx(async (tx, ex) => {
    const row = await tx.exportJob.create({
      data: {
        organizationId: user.organizationId,
        requestedById: user.id,
        kind,
        selection,
        downloadToken: randomBytes(24).toString("base64url"),
      },
      select: { id: true },
    });
    await enqueueExportIn(ex, row.id, user.organizationId);
    return row;
  });
}

/** "Try again": a new export of the same people (the failed one stays, with its reason). */
export async function retryExport(user: SessionUser, exportId: string): Promise<{ id: string }> {
  requireMessaging(user);
  const failed = await db.exportJob.findFirst({
    where: { id: exportId, organizationId: user.organizationId, requestedById: user.id, status: "FAILED" },
    select: { selection: true, kind: true },
  });
  if (!failed) throw new NotFoundError("errors.notFound.export");
  // The same rights as the first request: the audit history is for admins.
  if (failed.kind === "AUDIT") requireAdmin(user);
  return requestExport(user, failed.kind as ExportKind, (failed.selection ?? {}) as object);
}

export type ExportKind = "ATTACHMENTS" | "AUDIT";
/** Builds one kind of export's file; null when there is nothing to build (done or failed already). */
type ExportBuilder = (exportId: string, signal: AbortSignal) => Promise<Built | null>;
/** The kinds other areas build (the audit history is admin's): given by the worker, which knows every area. */
export type ExportBuilders = Partial<Record<ExportKind, ExportBuilder>>;

/** The job: builds the file, then marks the export done and e-mails its link, in one transaction. */
export async function runExportJob(
  exportId: string,
  signal: AbortSignal,
  { limits = PART_LIMITS, builders = {} as ExportBuilders } = {},
): Promise<void> {
  const kind = (await db.exportJob.findUnique({ where: { id: exportId }, select: { kind: true } }))?.kind;
  if (!kind) return;
  const build =
    kind === "ATTACHMENTS"
      ? (id: string, s: AbortSignal) => buildAttachmentsExport(id, s, limits)
      : builders[kind as ExportKind];
  if (!build) throw new Error(`No builder for ${kind} exports`);
  const built = await build(exportId, signal);
  if (!built) return;
  signal.throwIfAborted();
  const { parts = [], ...file } = built;
  await writeTx(async (tx, ex) => {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + EXPORT_TTL_MS);
    const done = await tx.exportJob.updateMany({
      where: { id: exportId, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "DONE", ...file, progress: built.total, finishedAt: now, expiresAt },
    });
    if (done.count !== 1) return;
    if (parts.length) await tx.exportPart.createMany({ data: parts.map((p) => ({ exportId, ...p })) });
    await mailReady(ex, exportId, parts.length);
  });
}

/**
 * The job given up (its last try failed, or its worker died on every try): the export ends
 * as failed or interrupted, its requester is e-mailed once, and half-written files go.
 */
export async function giveUpExport(tx: SqlExec, exportId: string, ending: Ending): Promise<void> {
  const reason = ending.why === "interrupted" ? "errors.export.interrupted" : "errors.export.failed";
  const ended =
    await tx.run(sql`UPDATE "ExportJob" SET "status" = 'FAILED', "error" = ${reason}, "finishedAt" = ${new Date()}
    WHERE "id" = ${exportId} AND "status" IN ('QUEUED', 'RUNNING')`);
  if (ended === 1) await mailFailed(tx, exportId, reason);
  tx.afterCommit(
    () =>
      void removeExportFiles(exportId).catch((error: unknown) =>
        log.warn({ exportId, err: error }, "export files not removed"),
      ),
  );
}

/** An admin retries it: the export is queued again, and a new e-mail says when it is ready. */
export async function reopenExport(tx: SqlExec, exportId: string): Promise<boolean> {
  const changed =
    await tx.run(sql`UPDATE "ExportJob" SET "status" = 'QUEUED', "error" = NULL, "finishedAt" = NULL, "progress" = 0
    WHERE "id" = ${exportId} AND "status" = 'FAILED'`);
  return changed === 1;
}

const REQUESTER = {
  organizationId: "text",
  kind: "text",
  createdAt: "date",
  fileCount: "int?",
  fileSize: "float?",
  requestedById: "text",
  downloadToken: "text",
  expiresAt: "date?",
  email: "text",
  firstName: "text",
  locale: "text",
  timeZone: "text",
} as const;

async function requesterOf(tx: SqlExec, exportId: string) {
  return tx.get(
    sql`SELECT e."organizationId", e."kind", e."createdAt", e."fileCount", e."fileSize", e."requestedById", e."downloadToken", e."expiresAt",
      u."email", u."firstName", u."locale", o."timeZone"
    FROM "ExportJob" e JOIN "User" u ON u."id" = e."requestedById" JOIN "Organization" o ON o."id" = e."organizationId"
    WHERE e."id" = ${exportId}`,
    REQUESTER,
  );
}

async function mailReady(tx: SqlExec, exportId: string, parts: number): Promise<void> {
  const r = await requesterOf(tx, exportId);
  if (!r?.expiresAt) return;
  const t = translatorFor(r.locale);
  const expiresAt = r.expiresAt;
  const audit = r.kind === "AUDIT";
  const signed = { id: exportId, requestedById: r.requestedById, downloadToken: r.downloadToken, expiresAt };
  // A large export comes in numbered parts: a link each.
  const link =
    parts > 1
      ? `\n${Array.from({ length: parts }, (_, i) => t("email.exportReady.part", { number: i + 1, total: parts, link: `${appUrl()}${exportLinkPath(signed, i + 1)}` })).join("\n")}`
      : `${appUrl()}${exportLinkPath(signed)}`;
  await queueEmailIn(tx, {
    organizationId: r.organizationId,
    to: r.email,
    subject: audit ? t("email.auditExportReady.subject") : t("email.exportReady.subject"),
    text: t(audit ? "email.auditExportReady.text" : "email.exportReady.text", {
      name: r.firstName,
      date: formatDateTime(r.createdAt, r.timeZone, r.locale),
      count: r.fileCount ?? 0,
      size: formatBytes(r.fileSize ?? 0, r.locale),
      link,
      expires: formatDateTime(expiresAt, r.timeZone, r.locale),
    }),
  });
}

async function mailFailed(tx: SqlExec, exportId: string, reason: string): Promise<void> {
  const r = await requesterOf(tx, exportId);
  if (!r) return;
  const t = translatorFor(r.locale);
  await queueEmailIn(tx, {
    organizationId: r.organizationId,
    to: r.email,
    subject: t("email.exportFailed.subject"),
    text: t("email.exportFailed.text", {
      name: r.firstName,
      date: formatDateTime(r.createdAt, r.timeZone, r.locale),
      reason: t(reason),
      link: `${appUrl()}/exports`,
    }),
  });
}

/** Housekeeping: zips past their 7 days are deleted (an export whose job was given up ends through giveUpExport). */
export async function pruneExports(now = new Date()): Promise<void> {
  const expired = await db.exportJob.findMany({
    where: { status: "DONE", expiresAt: { lt: now }, filePath: { not: null } },
    select: { id: true, filePath: true },
  });
  for (const e of expired) {
    const parts = await db.exportPart.findMany({ where: { exportId: e.id }, select: { filePath: true } });
    await Promise.all([e.filePath!, ...parts.map((p) => p.filePath)].map((f) => rm(f, { force: true })));
    await db.$transaction([
      db.exportPart.deleteMany({ where: { exportId: e.id } }),
      db.exportJob.update({ where: { id: e.id }, data: { filePath: null } }),
    ]);
  }
}
