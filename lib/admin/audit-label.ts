import type { PlainAuditAction, StructureKind } from "@/lib/audit/actions";

type T = (key: string, values?: Record<string, string | number>) => string;

// Each audit action in the reader's words. Keys spelled in full for the catalogue check.
// Typed by the list of actions: a new one does not compile until it is worded.
const LABELS: Record<PlainAuditAction, string> = {
  "user.role": "audit.action.role",
  "user.messaging.on": "audit.action.messagingOn",
  "user.messaging.off": "audit.action.messagingOff",
  "user.disabled": "audit.action.disabled",
  "user.enabled": "audit.action.enabled",
  "user.invited": "audit.action.invited",
  "user.password.resetRequested": "audit.action.passwordResetRequested",
  "user.password.resetSent": "audit.action.passwordResetSent",
  "user.password.reset": "audit.action.passwordReset",
  "user.password.changed": "audit.action.passwordChanged",
  "teammate.profile": "audit.action.profile",
  "sms.consent.given": "audit.action.consentGiven",
  "sms.consent.withdrawn": "audit.action.consentWithdrawn",
  "chat.enabled": "audit.action.chatEnabled",
  "chat.disabled": "audit.action.chatDisabled",
  "chat.created": "audit.action.chatCreated",
  "chat.deleted": "audit.action.chatDeleted",
  "assignment.added": "audit.action.assignmentAdded",
  "assignment.deleted": "audit.action.assignmentDeleted",
  "unavailability.added": "audit.action.unavailabilityAdded",
  "unavailability.updated": "audit.action.unavailabilityUpdated",
  "unavailability.removed": "audit.action.unavailabilityRemoved",
  "organization.created": "audit.action.organizationCreated",
  "organization.smsSender": "audit.action.smsSender",
  "organization.editWindow": "audit.action.editWindow",
  "people.imported": "audit.action.peopleImported",
  "job.retried": "audit.action.jobRetried",
  "job.discarded": "audit.action.jobDiscarded",
  "thread.assigned": "audit.action.threadAssigned",
  "thread.unassigned": "audit.action.threadUnassigned",
  "message.edited": "audit.action.messageEdited",
  "message.deleted": "audit.action.messageDeleted",
};
const KINDS: Record<StructureKind, string> = {
  department: "audit.kind.department",
  group: "audit.kind.group",
  skill: "audit.kind.skill",
  tag: "audit.kind.tag",
  activity: "audit.kind.activity",
};
const VERBS: Record<string, string> = {
  created: "audit.structure.created",
  renamed: "audit.structure.renamed",
  archived: "audit.structure.archived",
  restored: "audit.structure.restored",
};

/** "Role changed: Manager → Administrator", "Skill renamed", … (an unknown action shows as it is stored). */
export function auditLabel(action: string, data: Record<string, unknown>, t: T): string {
  const structure = /^structure\.(\w+)\.(\w+)$/.exec(action);
  const kind = KINDS[structure?.[1] as StructureKind] as string | undefined;
  if (structure && kind && VERBS[structure[2]!]) return t(VERBS[structure[2]!]!, { what: t(kind) });
  const key = LABELS[action as PlainAuditAction] as string | undefined;
  if (!key) return action;
  if (action === "user.role") {
    const role = (r: unknown) =>
      r === "ADMIN" ? t("roles.ADMIN") : r === "MANAGER" ? t("roles.MANAGER") : t("roles.TEAMMATE");
    return t(key, { from: role(data.from), to: role(data.to) });
  }
  if (action === "organization.editWindow") return t(key, { minutes: Number(data.minutes ?? 0) });
  if (action === "thread.assigned") return t(key, { to: typeof data.assignee === "string" ? data.assignee : "?" });
  return t(key);
}
