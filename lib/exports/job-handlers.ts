import "server-only";
import { registerJob } from "@/lib/jobs/registry";
import { EXPORT_BUILD } from "./queue";
import { giveUpExport, runExportJob } from "./jobs";

export const exportJobs = [
  registerJob(EXPORT_BUILD, {
    run: ({ exportId }, job) => runExportJob(exportId, job.signal),
    giveUp: (tx, { exportId }, ending) => giveUpExport(tx, exportId, ending),
  }),
];
