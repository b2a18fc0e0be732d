"use client";

import { createContext } from "react";
import type { ThreadMessage } from "@/lib/conversations/wire";

/**
 * What staff see under a shift card (what was done about it, or Delete assignment). Given by
 * the staff thread page (`ShiftStaffProvider`), so a teammate's page carries none of it.
 */
export const ShiftStaffSlot = createContext<((message: ThreadMessage, timeZone: string) => React.ReactNode) | null>(
  null,
);
