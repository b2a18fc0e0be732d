import { describe, expect, it } from "vitest";
import { writeTransaction } from "@/lib/db/sql";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { JOBS } from "./index";

// Every kind Shiftline queues declares its payload: a payload it does not take is refused
// when queued (nothing is written) and when claimed (lib/jobs/queue.test.ts).

const MALFORMED: unknown[] = [null, 42, "text", [], { unexpected: true }];

describe("the job registry", () => {
  it("names each kind once, each with a handler, tries and a lease", () => {
    const kinds = JOBS.map((j) => j.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const j of JOBS) {
      expect(typeof j.run).toBe("function");
      expect(j.maxAttempts).toBeGreaterThan(0);
      expect(j.leaseMs).toBeGreaterThan(0);
    }
  });

  it.each(JOBS.map((j) => [j.kind, j] as const))("%s refuses a malformed payload", async (_kind, job) => {
    for (const bad of MALFORMED) expect(job.schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    await expect(
      // eslint-disable-next-line shiftline/job-with-its-data -- nothing is meant to be written here
      writeTransaction((tx) => enqueueIn(tx, job as never, { unexpected: true } as never, { organizationId: null })),
    ).rejects.toThrow();
  });
});
