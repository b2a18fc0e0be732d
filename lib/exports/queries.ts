import "server-only";
import { db } from "@/lib/db";
import { requireMessaging } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { exportLinkPath } from "./link";
import { readSelection, type ExportSelection } from "./selection";

export type ExportRow = {
  id: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  createdAt: Date;
  progress: number;
  total: number | null;
  fileCount: number | null;
  fileSize: number | null;
  error: string | null;
  expiresAt: Date | null;
  /** The signed link, while the zip is there. */
  link: string | null;
  /** A large export's parts, a signed link each (empty for an export of one file). */
  partLinks: string[];
  selection: ExportSelection;
  /** "ATTACHMENTS" (a zip) or "AUDIT" (the audit history as CSV). */
  kind: string;
};

/** This user's own exports, newest first: an export is for its requester only. */
export async function listMyExports(user: SessionUser, now = new Date()): Promise<ExportRow[]> {
  requireMessaging(user);
  const rows = await db.exportJob.findMany({
    where: { organizationId: user.organizationId, requestedById: user.id },
    orderBy: { createdAt: "desc" },
    take: 30,
    include: { parts: { select: { number: true }, orderBy: { number: "asc" } } },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    createdAt: r.createdAt,
    progress: r.progress,
    total: r.total,
    fileCount: r.fileCount,
    fileSize: r.fileSize,
    error: r.error,
    expiresAt: r.expiresAt,
    link:
      r.status === "DONE" && r.filePath && r.expiresAt && r.expiresAt > now
        ? exportLinkPath({ ...r, expiresAt: r.expiresAt })
        : null,
    partLinks:
      r.status === "DONE" && r.filePath && r.expiresAt && r.expiresAt > now && r.parts.length > 1
        ? r.parts.map((p) => exportLinkPath({ ...r, expiresAt: r.expiresAt! }, p.number))
        : [],
    selection: readSelection(r.selection),
    kind: r.kind,
  }));
}
