// Next.js calls register() once per server process: each instance runs one
// background worker (lib/jobs/worker.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.SHIFTLINE_WORKER !== "off") {
    const { startWorker } = await import("./lib/jobs/worker");
    startWorker();
  }
}
