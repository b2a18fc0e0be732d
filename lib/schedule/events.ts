import type { SqlExec } from "@/lib/db/exec";
import { appendEvent } from "@/lib/realtime/append";

/** Tells staff pages and the teammate's own schedule that these teammates' schedules changed. */
export async function scheduleChanged(ex: SqlExec, organizationId: string, userIds: string[], shiftId: string | null) {
  const payload = { userIds, shiftId };
  await appendEvent(ex, "schedule.changed", { organizationId, audience: "STAFF" }, payload);
  for (const userId of userIds)
    await appendEvent(
      ex,
      "schedule.changed",
      { organizationId, audience: "USER", userId },
      { userIds: [userId], shiftId },
    );
}
