// Next.js calls register() once per server process: the configuration is checked first
// (a wrong value stops the server with one line naming it), then each instance runs one
// background worker (lib/worker: every kind of job, run by lib/jobs/worker.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config, configProblem } = await import("./lib/config");
  const problem = configProblem();
  if (problem) {
    console.error(`Shiftline cannot start: ${problem}`);
    process.exit(1);
  }
  if (config().SHIFTLINE_WORKER !== "off") {
    const { startWorker } = await import("./lib/worker");
    startWorker();
  }
}
