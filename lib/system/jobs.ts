import "server-only";
import { writeTx } from "@/lib/db";
import { sql, type SqlExec } from "@/lib/db/exec";
import { NotFoundError, UserError } from "@/lib/errors";
import { requireAdmin } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/record";
import { JOBS } from "@/lib/worker";
import { DISCARDED, ENDED_BADLY } from "./queries";
import { wakeWorker } from "@/lib/jobs/enqueue-in";

// Settings → System: an admin retries or discards their organisation's failed or stuck jobs.
// A job is the admin's only if it serves their organisation's data (Job.organizationId);
// another organisation's is "not found". Both are audited.

async function find(tx: SqlExec, admin: SessionUser, jobId: string) {
  const job = await tx.get(
    sql`SELECT "id", "kind", "payload" FROM "Job" WHERE "id" = ${jobId} AND "organizationId" = ${admin.organizationId} AND ${ENDED_BADLY}`,
    { id: "text", kind: "text", payload: "json" },
  );
  if (!job) throw new NotFoundError("errors.notFound.job");
  return job;
}

export async function retryJob(admin: SessionUser, jobId: string): Promise<void> {
  requireAdmin(admin);
  await writeTx(async (tx, ex) => {
    const job = await find(ex, admin, jobId);
    const def = JOBS.find((j) => j.kind === job.kind);
    const payload = def?.schema.safeParse(job.payload);
    if (!def || !payload?.success) throw new UserError("errors.system.cannotRetry");
    const reopen = (def as { reopen?: (tx: typeof ex, p: unknown) => Promise<boolean> }).reopen;
    if (reopen && !(await reopen(ex, payload.data))) throw new UserError("errors.system.cannotRetry");
    await ex.run(sql`UPDATE "Job" SET "attempts" = 0, "doneAt" = NULL, "failedAt" = NULL, "lockedBy" = NULL,
      "lockedUntil" = NULL, "runAt" = ${new Date()} WHERE "id" = ${job.id}`);
    await audit(tx, admin, "job.retried", { type: "Job", id: job.id }, { kind: job.kind });
    ex.afterCommit(wakeWorker);
  });
}

export async function discardJob(admin: SessionUser, jobId: string): Promise<void> {
  requireAdmin(admin);
  await writeTx(async (tx, ex) => {
    const job = await find(ex, admin, jobId);
    const now = new Date();
    await ex.run(sql`UPDATE "Job" SET "doneAt" = ${now}, "failedAt" = COALESCE("failedAt", ${now}), "lockedBy" = NULL,
      "lockedUntil" = NULL, "lastError" = ${DISCARDED} WHERE "id" = ${job.id}`);
    await audit(tx, admin, "job.discarded", { type: "Job", id: job.id }, { kind: job.kind });
  });
}
