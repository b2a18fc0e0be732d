import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { firstLoadJs } from "./page-weight";

// The framework's own floor (issue 28): the smallest App Router app with one client
// component, built by this repository's Next.js and React from the same node_modules (it
// sits inside the repository, so Node finds them by walking up). Pages are measured against
// it, so a budget holds as the framework grows or shrinks.
const DIR = path.resolve(".tmp/bench/floor");

const FILES: Record<string, string> = {
  "package.json": `{ "private": true }\n`,
  "next.config.js": `const path = require("node:path");\nmodule.exports = { turbopack: { root: path.resolve(__dirname, "../../..") } };\n`,
  "app/layout.jsx": `export default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n`,
  "app/page.jsx": `import { Counter } from "./counter";\nexport default function Page() {\n  return <main><h1>Floor</h1><Counter /></main>;\n}\n`,
  "app/counter.jsx": `"use client";\nimport { useState } from "react";\nexport function Counter() {\n  const [n, setN] = useState(0);\n  return <button onClick={() => setN(n + 1)}>{n}</button>;\n}\n`,
};

/**
 * Builds the floor app, serves it on `port` long enough to weigh its page (and to run `also`
 * on its address: Lighthouse, for the same reference), and returns that weight.
 */
export async function floorWeight<T = undefined>(
  port: number,
  also?: (url: string) => Promise<T>,
): Promise<{ kb: number; files: number; each: { url: string; kb: number }[]; also?: T }> {
  rmSync(DIR, { recursive: true, force: true });
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(DIR, name)), { recursive: true });
    writeFileSync(path.join(DIR, name), text);
  }
  const next = path.resolve("node_modules/.bin/next");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  execFileSync(next, ["build", DIR], { env, stdio: "ignore" });
  const server = spawn(next, ["start", "-p", String(port), "-H", "127.0.0.1", DIR], { env, stdio: "ignore" });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (
        await fetch(base).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 300) throw new Error("the floor app did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const weight = await firstLoadJs(base, "/", "");
    return { ...weight, also: also ? await also(`${base}/`) : undefined };
  } finally {
    server.kill("SIGTERM");
  }
}
