import "server-only";
import { registerJob } from "@/lib/jobs/registry";
import { INVITE_JOB, sendImportInvitations } from "./csv-import";
import { RESET_REQUEST, sendRequestedReset } from "./passwords";

export const adminJobs = [
  registerJob(INVITE_JOB, { run: (payload) => sendImportInvitations(payload) }),
  registerJob(RESET_REQUEST, { run: ({ email }) => sendRequestedReset(email) }),
];
