import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isSharedDatabase } from "@/lib/db/path";
import { config } from "@/lib/config";

let cached: string | undefined;

/**
 * NEXTAUTH_SECRET when set; otherwise, on the embedded SQLite default, a random
 * secret kept in data/.auth-secret (created on first run, never committed), so a
 * fresh clone runs with no setup.
 */
export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = config().NEXTAUTH_SECRET ?? config().AUTH_SECRET;
  if (fromEnv) return (cached = fromEnv);
  // Several instances on one PostgreSQL must share one secret, or a session from one is refused by another.
  if (isSharedDatabase())
    throw new Error("Set NEXTAUTH_SECRET: on PostgreSQL every instance must use the same secret.");
  const dir = path.resolve(/* turbopackIgnore: true */ "data");
  const file = path.join(dir, ".auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch {
      // Another process wrote it first; read theirs.
    }
  }
  return (cached = readFileSync(file, "utf8").trim());
}
