import "server-only";
import { createWriteStream } from "node:fs";
import { mkdir, rename, stat } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import { db } from "@/lib/db";
import { requireAdmin } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { translatorFor } from "@/lib/i18n/translator";
import { formatDateTime } from "@/lib/text/format";
import { csvLine } from "@/lib/exports/csv";
import type { Built } from "@/lib/exports/build";
import { exportsDir } from "@/lib/exports/queue";
import { requestExport } from "@/lib/exports/jobs";
import { auditLabel } from "@/lib/admin/audit-label";
import { AUDIT_SELECT, auditRows, auditWhere } from "./audit";
import type { AuditFilters } from "./schemas";

// The audit history as CSV, built by the background queue like every export, e-mailed to
// the admin who asked, downloadable by them only for 7 days. Cells that look like formulas
// are neutralised (csvLine).

const PAGE = 1000;

export async function requestAuditExport(
  admin: SessionUser,
  filters: Omit<AuditFilters, "page">,
): Promise<{ id: string }> {
  requireAdmin(admin);
  return requestExport(admin, "AUDIT", { audit: filters });
}

/** Writes the CSV; null when there is nothing to build (done or failed already). */
export async function buildAuditExport(exportId: string): Promise<Built | null> {
  const job = await db.exportJob.findUnique({ where: { id: exportId } });
  if (!job || job.status === "DONE" || job.status === "FAILED") return null;
  const [requester, org] = await Promise.all([
    db.user.findFirst({
      where: { id: job.requestedById, organizationId: job.organizationId, role: "ADMIN", disabledAt: null },
      select: { locale: true },
    }),
    db.organization.findUniqueOrThrow({ where: { id: job.organizationId }, select: { timeZone: true } }),
  ]);
  if (!requester) throw new Error(`Audit export ${exportId}: its requester is no longer an active admin`);
  await db.exportJob.update({
    where: { id: exportId },
    data: { status: "RUNNING", startedAt: new Date(), progress: 0, error: null },
  });
  const t = translatorFor(requester.locale);
  const filters = ((job.selection as { audit?: Omit<AuditFilters, "page"> } | null)?.audit ?? {}) as Omit<
    AuditFilters,
    "page"
  >;
  const where = auditWhere(job.organizationId, filters, org.timeZone);
  await mkdir(exportsDir(), { recursive: true });
  const file = path.join(exportsDir(), `${exportId}.csv`);
  // Written aside, then renamed: a try that stops leaves only a .part, which giving up removes.
  const partial = `${file}.part`;
  const out = createWriteStream(partial);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, "drain");
  };
  await write("\uFEFF"); // spreadsheets then read it as UTF-8
  await write(csvLine([t("audit.when"), t("audit.by"), t("audit.what"), t("audit.about"), t("audit.details")]));
  const names = new Map<string, string>();
  let count = 0;
  for (let cursor: string | undefined; ;) {
    const entries = await db.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: AUDIT_SELECT,
    });
    if (entries.length === 0) break;
    for (const r of await auditRows(job.organizationId, entries, names)) {
      await write(
        csvLine([
          formatDateTime(r.at, org.timeZone, requester.locale),
          r.actorId ? (r.actor ?? "") : t("audit.shiftline"),
          auditLabel(r.action, r.data, t as never),
          r.target ?? "",
          Object.keys(r.data).length ? JSON.stringify(r.data) : "",
        ]),
      );
      count++;
    }
    cursor = entries.at(-1)!.id;
    await db.exportJob.update({ where: { id: exportId }, data: { progress: count } });
    if (entries.length < PAGE) break;
  }
  out.end();
  await once(out, "finish");
  await rename(partial, file);
  return { filePath: file, fileSize: (await stat(file)).size, fileCount: count, total: count };
}
