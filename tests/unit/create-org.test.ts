import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";

describe("npm run org:create", () => {
  it("makes an organisation with its first admin and no demo data, and prints the admin's link", async () => {
    const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "shiftline-org-")), "org.db")}`;
    const run = (...args: string[]) =>
      execFileSync("npx", ["tsx", "scripts/create-org.ts", ...args], {
        env: { ...process.env, DATABASE_URL: url, APP_URL: "https://app.example" },
        encoding: "utf8",
      });
    const out = run(
      "--name",
      "Riverside Care",
      "--admin",
      "Ada@Riverside.example",
      "--first",
      "Ada",
      "--last",
      "Lovelace",
      "--lang",
      "fr",
    );
    expect(out).toMatch(/https:\/\/app\.example\/welcome\/[A-Za-z0-9_-]{40,}/);
    const db = createPrismaClient(url);
    try {
      expect(await db.organization.findMany({ select: { slug: true, name: true } })).toEqual([
        { slug: "riverside-care", name: "Riverside Care" },
      ]);
      expect(await db.user.findMany({ select: { email: true, role: true, locale: true } })).toEqual([
        { email: "ada@riverside.example", role: "ADMIN", locale: "fr" },
      ]);
      expect(await db.conversation.count()).toBe(0);
      expect(await db.userToken.count({ where: { purpose: "invite", usedAt: null } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
    expect(() => run("--name", "Riverside Care", "--admin", "b@x.example", "--first", "B", "--last", "C")).toThrow();
  }, 60_000);
});
