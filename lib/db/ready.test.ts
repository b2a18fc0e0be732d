import { afterEach, describe, expect, it } from "vitest";
import { GET as ready } from "@/app/api/health/ready/route";
import { GET as live } from "@/app/api/health/live/route";

// Readiness on the test's own database (SQLite, or PostgreSQL with TEST_POSTGRES_URL), then
// with the database out of reach (a file that cannot be opened, a server that refuses
// connections), then back: no restart.

const url = process.env.DATABASE_URL!;
afterEach(() => {
  process.env.DATABASE_URL = url;
});

const until = async (check: () => Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("health", () => {
  it("live answers while the process runs, with nothing else said", async () => {
    const res = live();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "live" });
  });

  it("ready is 200 when the database answers, 503 naming it when it does not, and 200 again once it is back", async () => {
    // The positive control: ready on the real database (on PostgreSQL, once the listener has connected).
    await until(async () => (await ready()).status === 200);
    expect(await (await ready()).json()).toEqual({ status: "ready" });
    process.env.DATABASE_URL = url.startsWith("file:")
      ? "file:/nonexistent-shiftline-dir/unreachable.db"
      : "postgresql://postgres@127.0.0.1:1/postgres";
    const down = await ready();
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", failing: ["database"] });
    process.env.DATABASE_URL = url;
    await until(async () => (await ready()).status === 200);
  });
});
