// Next.js calls register() once per server process: each instance runs one
// background worker (lib/worker: every kind of job, run by lib/jobs/worker.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.SHIFTLINE_WORKER !== "off") {
    const { startWorker } = await import("./lib/worker");
    startWorker();
  }
}
