import type { Prisma } from "@/lib/db/generated/client";
import type { EventAudience } from "@/lib/db/generated/enums";

type Tx = Prisma.TransactionClient;

export type EventInput = {
  organizationId: string;
  type: string;
  audience: EventAudience;
  conversationId?: string;
  userId?: string;
  payload: Record<string, unknown>;
};

/**
 * Appends to the event log inside the caller's transaction, so an event exists
 * exactly when the change it describes does. Realtime delivery reads this log.
 * Payloads for MEMBERS or USER audiences must never carry staff-only data.
 */
export async function appendEvent(tx: Tx, e: EventInput): Promise<void> {
  await tx.event.create({
    data: {
      organizationId: e.organizationId,
      type: e.type,
      audience: e.audience,
      conversationId: e.conversationId ?? null,
      userId: e.userId ?? null,
      payload: JSON.stringify(e.payload),
    },
    select: { id: true },
  });
}

