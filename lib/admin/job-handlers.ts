import "server-only";
import { registerJob } from "@/lib/jobs/registry";
import { INVITE_JOB, sendImportInvitations } from "./csv-import";

export const adminJobs = [registerJob(INVITE_JOB, { run: (payload) => sendImportInvitations(payload) })];
