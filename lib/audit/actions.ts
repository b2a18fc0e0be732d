import { z } from "zod";

// What the audit history records, as types: every action and the kinds of records it is
// about. A new action is added here first (and worded in lib/admin/audit-label.ts, which
// must word each one); its data is JSON.

export const STRUCTURE_KINDS = ["department", "group", "skill", "tag", "activity"] as const;
const STRUCTURE_CHANGES = ["created", "renamed", "archived", "restored"] as const;
export type StructureKind = (typeof STRUCTURE_KINDS)[number];
export type StructureAction = `structure.${StructureKind}.${(typeof STRUCTURE_CHANGES)[number]}`;

export const ACCOUNT_ACTIONS = [
  "user.role",
  "user.messaging.on",
  "user.messaging.off",
  "user.disabled",
  "user.enabled",
  "user.invited",
  "user.password.resetRequested",
  "user.password.resetSent",
  "user.password.reset",
  "user.password.changed",
  "teammate.profile",
  "sms.consent.given",
  "sms.consent.withdrawn",
  "chat.enabled",
  "chat.disabled",
  "chat.created",
  "chat.deleted",
  "assignment.added",
  "assignment.deleted",
  "unavailability.added",
  "unavailability.updated",
  "unavailability.removed",
  "organization.created",
  "organization.smsSender",
  "people.imported",
] as const;
export type PlainAuditAction = (typeof ACCOUNT_ACTIONS)[number];

export type AuditAction = PlainAuditAction | StructureAction;

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  ...ACCOUNT_ACTIONS,
  ...STRUCTURE_KINDS.flatMap((k) => STRUCTURE_CHANGES.map((c) => `structure.${k}.${c}` as const)),
];

export const auditActionSchema = z.enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]]);

export type AuditTargetType = "Organization" | "User" | "Conversation" | "Assignment" | "Shift" | StructureKind;

/** JSON, as the data column stores it. */
export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue | undefined };
export type AuditData = { [key: string]: AuditValue | undefined };
