import "server-only";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { SqlExec } from "@/lib/db/exec";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { jobKind } from "@/lib/jobs/kind";
import { filesRoot } from "@/lib/files/storage";

// The background job that builds an export row, whatever its kind (attachments, audit),
// queued in the transaction that stores the row.
export const EXPORT_BUILD = jobKind("export.attachments", z.object({ exportId: z.string().min(1) }), {
  maxAttempts: 3,
});

export async function enqueueExportIn(tx: SqlExec, exportId: string, organizationId: string): Promise<void> {
  await enqueueIn(tx, EXPORT_BUILD, { exportId }, { key: `export:${exportId}`, organizationId });
}

export function exportsDir(): string {
  return path.join(filesRoot(), ".exports");
}

/** Every file of an export that ended without one (`<id>….part` left by a try that stopped, parts already written). */
export async function removeExportFiles(exportId: string): Promise<void> {
  const names = await readdir(exportsDir()).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.startsWith(`${exportId}.`) || n.startsWith(`${exportId}-`))
      .map((n) => rm(path.join(exportsDir(), n), { force: true })),
  );
}
