// Next.js calls register() once per server process: the configuration is checked first
// (a wrong value stops the server with one line naming it), then each instance runs one
// background worker (lib/worker: every kind of job, run by lib/jobs/worker.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("./lib/worker/start");
  startServerProcess();
}
