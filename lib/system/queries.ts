import "server-only";
import { db } from "@/lib/db";
import { queryAll, sql } from "@/lib/db/sql";
import { requireAdmin } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { scrub } from "@/lib/log";
import { jobState } from "@/lib/jobs/queue";

// What Settings → System shows an admin, of their organisation only: the queue's state,
// the jobs that failed or are stuck, and the SMS and e-mails that could not be sent.

const RECENT_DAYS = 30;
export const DISCARDED = "Discarded by an admin.";

/** Work an admin may retry or discard: given up (and not discarded), or out of tries without being ended. */
export const ENDED_BADLY = sql`("failedAt" IS NOT NULL AND ("lastError" IS NULL OR "lastError" <> ${DISCARDED})
  OR ("doneAt" IS NULL AND "attempts" >= "maxAttempts"))`;

export type SystemJob = {
  id: string;
  kind: string;
  createdAt: Date;
  endedAt: Date | null;
  attempts: number;
  maxAttempts: number;
  /** The last error, without numbers, addresses or tokens. */
  error: string | null;
  state: "failed" | "stuck";
};

export async function systemOverview(admin: SessionUser, now = new Date()) {
  requireAdmin(admin);
  const org = admin.organizationId;
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
  const [states, jobs, sms, emails] = await Promise.all([
    queryAll(
      sql`SELECT ${jobState(now)} AS "state", COUNT(*) AS "n"
        FROM "Job" WHERE "organizationId" = ${org} AND ("doneAt" IS NULL OR ("failedAt" IS NOT NULL AND "failedAt" > ${since}))
        GROUP BY 1`,
      { state: "text", n: "int" },
    ),
    queryAll(
      sql`SELECT "id", "kind", "createdAt", "failedAt", "attempts", "maxAttempts", "lastError" FROM "Job"
        WHERE "organizationId" = ${org} AND ${ENDED_BADLY} AND ("failedAt" IS NULL OR "failedAt" > ${since})
        ORDER BY COALESCE("failedAt", "createdAt") DESC LIMIT 100`,
      {
        id: "text",
        kind: "text",
        createdAt: "date",
        failedAt: "date?",
        attempts: "int",
        maxAttempts: "int",
        lastError: "text?",
      },
    ),
    db.smsDelivery.findMany({
      where: { organizationId: org, status: { in: ["FAILED", "UNDELIVERED"] }, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, createdAt: true, error: true, recipientId: true },
    }),
    db.emailOutbox.findMany({
      where: { organizationId: org, status: "FAILED", createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, createdAt: true, error: true, toEmail: true, subject: true },
    }),
  ]);
  const names = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(sms.map((s) => s.recipientId))] }, organizationId: org },
        select: { id: true, firstName: true, lastName: true },
      })
    ).map((u) => [u.id, `${u.firstName} ${u.lastName}`]),
  );
  const count = (state: string) => states.find((s) => s.state === state)?.n ?? 0;
  return {
    queue: { waiting: count("waiting"), running: count("running"), failed: count("failed"), stuck: count("stuck") },
    jobs: jobs.map((j): SystemJob => ({
      id: j.id,
      kind: j.kind,
      createdAt: j.createdAt,
      endedAt: j.failedAt,
      attempts: j.attempts,
      maxAttempts: j.maxAttempts,
      error: j.lastError ? scrub(j.lastError).slice(0, 300) : null,
      state: j.failedAt ? "failed" : "stuck",
    })),
    sms: sms.map((s) => ({
      id: s.id,
      at: s.createdAt,
      to: names.get(s.recipientId) ?? "",
      error: s.error ? scrub(s.error).slice(0, 300) : null,
    })),
    emails: emails.map((e) => ({
      id: e.id,
      at: e.createdAt,
      to: e.toEmail,
      subject: e.subject,
      error: e.error?.slice(0, 300) ?? null,
    })),
  };
}
