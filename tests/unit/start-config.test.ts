import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm start` runs scripts/setup-db.ts first: a wrong setting stops it there, with one line.
describe("npm start with a wrong setting", () => {
  it("stops before creating anything, with one line naming the variable and what it expects", () => {
    const file = path.resolve(`.tmp/start-config-${process.pid}.db`);
    const run = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/setup-db.ts", "--no-demo"], {
      env: { ...process.env, DATABASE_URL: `file:${file}`, SMS_LIMIT_PER_HOUR: "lots", NODE_ENV: "production" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      'Shiftline cannot start: SMS_LIMIT_PER_HOUR must be a number of SMS per organisation per hour, 1 or more (got "lots").',
    ]);
    expect(existsSync(file)).toBe(false);
  });
});
