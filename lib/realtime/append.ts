import type { SqlExec } from "@/lib/db/exec";
import { insertEvent } from "@/lib/db/event-log";
import type { EventAudience } from "@/lib/db/generated/enums";
import { EVENT_AUDIENCES, type EventPayloads, type EventType } from "./event-types";
import { wake } from "./signal";
import { metrics } from "@/lib/metrics";

type Target = {
  organizationId: string;
  audience: EventAudience;
  conversationId?: string | null;
  userId?: string | null;
  departmentId?: string | null;
};

/**
 * Appends to the event log inside the caller's transaction, so an event exists
 * exactly when the change it describes does (in its organisation's sequence, see
 * lib/db/event-log.ts), and wakes the organisation's readers once it commits. Realtime delivery reads this log (lib/realtime/hub.ts).
 */
export async function appendEvent<K extends EventType>(
  tx: SqlExec,
  type: K,
  target: Target,
  payload: EventPayloads[K],
  at = new Date(),
): Promise<void> {
  if (!EVENT_AUDIENCES[type].includes(target.audience))
    throw new Error(`Event ${type} may not go to ${target.audience}`);
  if (target.audience === "USER" && !target.userId) throw new Error(`Event ${type} for USER needs a userId`);
  const stored = await insertEvent(tx, {
    organizationId: target.organizationId,
    type,
    audience: target.audience,
    conversationId: target.conversationId ?? null,
    userId: target.userId ?? null,
    departmentId: target.departmentId ?? null,
    payload,
    at,
  });
  if (!stored) throw new Error(`No organisation ${target.organizationId}`);
  tx.afterCommit(() => {
    metrics.eventsAppended.inc({ type });
    wake(target.organizationId);
  });
}
