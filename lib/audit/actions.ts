// What the audit history records, as types: every action and the kinds of records it is
// about. A new action is added here first (and worded in lib/admin/audit-label.ts, which
// must word each one); its data is JSON.

export type StructureKind = "department" | "group" | "skill" | "tag" | "activity";
type StructureAction = `structure.${StructureKind}.${"created" | "renamed" | "archived" | "restored"}`;

export type PlainAuditAction =
  | "user.role"
  | "user.messaging.on"
  | "user.messaging.off"
  | "user.disabled"
  | "user.enabled"
  | "user.invited"
  | "user.password.resetRequested"
  | "user.password.resetSent"
  | "user.password.reset"
  | "user.password.changed"
  | "teammate.profile"
  | "sms.consent.given"
  | "sms.consent.withdrawn"
  | "chat.enabled"
  | "chat.disabled"
  | "chat.created"
  | "chat.deleted"
  | "assignment.added"
  | "assignment.deleted"
  | "unavailability.added"
  | "unavailability.updated"
  | "unavailability.removed"
  | "organization.created"
  | "organization.smsSender"
  | "organization.editWindow"
  | "people.imported"
  | "job.retried"
  | "job.discarded"
  | "thread.assigned"
  | "thread.unassigned"
  | "message.edited"
  | "message.deleted";

export type AuditAction = PlainAuditAction | StructureAction;

export type AuditTargetType =
  "Organization" | "User" | "Conversation" | "Assignment" | "Shift" | "Job" | "Message" | StructureKind;

/** JSON, as the data column stores it. */
type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue | undefined };
export type AuditData = { [key: string]: AuditValue | undefined };
