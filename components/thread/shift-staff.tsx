"use client";

import { lazy, Suspense } from "react";
import type { ThreadMessage } from "@/lib/conversations/wire";
import { ShiftStaffSlot } from "./shift-staff-slot";

// Its code loads with the first shift card a staff page shows (drawn on the server too, so its
// form works before the script runs).
const ShiftStaffPart = lazy(() => import("./shift-staff-part"));

const staffPart = (message: ThreadMessage, timeZone: string) => (
  <Suspense>
    <ShiftStaffPart message={message} timeZone={timeZone} />
  </Suspense>
);

/** Wraps a staff thread: its shift cards get the staff part. */
export function ShiftStaffProvider({ children }: { children: React.ReactNode }) {
  return <ShiftStaffSlot value={staffPart}>{children}</ShiftStaffSlot>;
}
