import "server-only";
import client from "prom-client";
import { metrics } from "@/lib/metrics";
import { queryAll, sql } from "@/lib/db/sql";
import { jobState } from "./queue";

// The queue's state, read when metrics are scraped: jobs by kind and state, and how long
// the oldest due job has waited (a worker that stopped shows as a growing age).

const g = globalThis as unknown as { shiftlineQueueGauges?: boolean };

export function watchQueue(): void {
  if (g.shiftlineQueueGauges) return;
  g.shiftlineQueueGauges = true;
  new client.Gauge({
    name: "shiftline_jobs",
    help: "Jobs by kind and state (waiting, running, failed, stuck)",
    labelNames: ["kind", "state"],
    registers: [metrics.registry],
    async collect() {
      const now = new Date();
      const rows = await queryAll(
        sql`SELECT "kind", ${jobState(now)} AS "state", COUNT(*) AS "n"
          FROM "Job" WHERE "doneAt" IS NULL OR "failedAt" IS NOT NULL GROUP BY 1, 2`,
        { kind: "text", state: "text", n: "int" },
      );
      this.reset();
      for (const r of rows) this.set({ kind: r.kind, state: r.state }, r.n);
    },
  });
  new client.Gauge({
    name: "shiftline_jobs_oldest_waiting_seconds",
    help: "How long the oldest due job not yet taken has waited",
    registers: [metrics.registry],
    async collect() {
      const now = new Date();
      const row = (
        await queryAll(
          sql`SELECT MIN("runAt") AS "at" FROM "Job" WHERE "doneAt" IS NULL AND "runAt" <= ${now}
            AND "attempts" < "maxAttempts" AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})`,
          { at: "date?" },
        )
      )[0];
      this.set(row?.at ? Math.max(0, (now.getTime() - row.at.getTime()) / 1000) : 0);
    },
  });
}
