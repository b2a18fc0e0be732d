"use client";

import { useLocale, useTranslations } from "@/lib/i18n/client";
import type { ThreadMessage } from "@/lib/conversations/wire";
import { shiftActionText } from "@/lib/conversations/shift-action";
import { DeleteAssignmentForm } from "./delete-assignment-form";
import { ShiftStaffSlot } from "./shift-staff-slot";

/** Under a shift card, for staff: what was done about it, or the way to delete the assignment. */
function ShiftStaffPart({ message: m, timeZone }: { message: ThreadMessage; timeZone: string }) {
  const t = useTranslations();
  const locale = useLocale();
  if (!m.shift) return null;
  return m.action ? (
    <p className="mt-2 font-medium text-green-800" data-testid="shift-action" data-staff-only>
      {shiftActionText(m.action, t, timeZone, locale)}
    </p>
  ) : (
    <DeleteAssignmentForm messageId={m.id} />
  );
}

const staffPart = (message: ThreadMessage, timeZone: string) => (
  <ShiftStaffPart message={message} timeZone={timeZone} />
);

/** Wraps a staff thread: its shift cards get the staff part. */
export function ShiftStaffProvider({ children }: { children: React.ReactNode }) {
  return <ShiftStaffSlot value={staffPart}>{children}</ShiftStaffSlot>;
}
