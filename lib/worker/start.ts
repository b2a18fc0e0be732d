import "server-only";
import { config, configProblem } from "@/lib/config";
import { startWorker } from "./index";

/** A server process starts here (instrumentation.ts): a wrong setting stops it with one line, then its worker runs. */
export function startServerProcess(): void {
  const problem = configProblem();
  if (problem) {
    console.error(`Shiftline cannot start: ${problem}`);
    process.exit(1);
  }
  if (config().SHIFTLINE_WORKER !== "off") startWorker();
}
