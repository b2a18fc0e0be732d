import { spawn } from "node:child_process";

/** The production server (`next build` first) on a port, with these settings. */
export function startNext(port: number, env: Record<string, string>) {
  return spawn("node", ["scripts/server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Resolves once the server answers its sign-in page (30 s at most). */
export async function waitForServer(base: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${base}/sign-in`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${base} did not start`);
}
