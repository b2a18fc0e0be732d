import "server-only";
import { registerJob } from "@/lib/jobs/registry";
import { EXPORT_BUILD } from "./queue";
import { giveUpExport, reopenExport, runExportJob, type ExportBuilders } from "./jobs";

/** The export job, with the builders of the kinds other areas own (lib/worker gives them). */
export const exportJobs = (builders: ExportBuilders) => [
  registerJob(EXPORT_BUILD, {
    run: ({ exportId }, job) => runExportJob(exportId, job.signal, { builders }),
    giveUp: (tx, { exportId }, ending) => giveUpExport(tx, exportId, ending),
    reopen: (tx, { exportId }) => reopenExport(tx, exportId),
  }),
];
