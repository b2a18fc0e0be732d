import "server-only";
import { registerJob } from "@/lib/jobs/registry";
import { SMS_SEND, deliverSms, giveUpSms, reopenSms } from "./deliveries";

export const smsJobs = [
  registerJob(SMS_SEND, {
    run: ({ deliveryId }) => deliverSms(deliveryId),
    giveUp: (tx, { deliveryId }, ending) => giveUpSms(tx, deliveryId, ending.error),
    reopen: (tx, { deliveryId }) => reopenSms(tx, deliveryId),
  }),
];
