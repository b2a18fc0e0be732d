import "server-only";
import { enqueue } from "@/lib/jobs/queue";

// The background job that builds an export row, whatever its kind (attachments, audit).
export const EXPORT_JOB = "export.attachments";
export const exportJobKey = (id: string) => `export:${id}`;

export async function enqueueExport(id: string): Promise<void> {
  await enqueue(EXPORT_JOB, { exportId: id }, { key: exportJobKey(id), maxAttempts: 3 });
}
