import "server-only";
import { config, configProblem } from "@/lib/config";
import { openSqlConnections } from "@/lib/db/sql";
import { startWorker } from "./index";

/** A server process starts here (instrumentation.ts): a wrong setting stops it with one line, then its database connections open and its worker runs. */
export function startServerProcess(): void {
  const problem = configProblem();
  if (problem) {
    console.error(`Shiftline cannot start: ${problem}`);
    process.exit(1);
  }
  openSqlConnections();
  if (config().SHIFTLINE_WORKER !== "off") startWorker();
}
