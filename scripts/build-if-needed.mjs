// Builds the app when there is no build yet or a source file is newer than it,
// so `npm start` on a fresh clone (or after a pull) serves the current code.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const marker = path.join(".next", "BUILD_ID");
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
  "proxy.ts",
];
const SKIP = new Set(["node_modules", "generated", ".next"]);

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(p)) if (!SKIP.has(e)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
if (!built || Math.max(...SOURCES.map(newest)) > built) {
  console.log(built ? "Sources changed since the last build: building." : "No build yet: building (about a minute).");
  execSync("npx next build", { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}
