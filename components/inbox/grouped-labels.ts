// The catalogue keys of a grouped message's states, spelled in full (the catalogue test
// finds every key it is asked for by its name).

export const RECIPIENT_STATE = {
  pending: "grouped.state.pending",
  delivered: "grouped.state.delivered",
  read: "grouped.state.read",
  gone: "grouped.state.gone",
} as const;

export const SMS_STATE = {
  QUEUED: "grouped.state.QUEUED",
  SENT: "grouped.state.SENT",
  DELIVERED: "grouped.state.DELIVERED",
  FAILED: "grouped.state.FAILED",
  UNDELIVERED: "grouped.state.UNDELIVERED",
  none: "grouped.state.none",
  noNumber: "grouped.reason.noNumber",
  noConsent: "grouped.reason.noConsent",
  inactive: "grouped.reason.inactive",
} as const;

export const smsStateKey = (s: string) => SMS_STATE[s as keyof typeof SMS_STATE] ?? SMS_STATE.none;
