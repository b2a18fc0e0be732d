// What of the catalogue the browser gets, in two parts. Every page (root layout's
// I18nProvider): not the texts only the server writes (the demo's data, system messages,
// e-mails, the errors it words itself, and pages drawn on the server only, such as search
// and the audit history), nor the staff's. Staff pages (their layout's MoreMessages): the
// staff's namespaces too. A teammate's page thus carries about half of the catalogue
// (issue 28). Client components that need an error text name it here.

export type Catalogue = { [key: string]: string | Catalogue };

const SERVER_ONLY = new Set([
  "demo",
  "system",
  "errors",
  "ops",
  "search",
  "messageHistory",
  "email",
  "audit",
  "outbox",
  "structure",
  "notFound",
  "app",
  "me",
  "profile",
  "sms",
]);
/** Used by client components of staff pages only. */
const STAFF_ONLY = new Set([
  "grouped",
  "people",
  "inbox",
  "settings",
  "exports",
  "replies",
  "import",
  "scheduled",
  "teammates",
  "assign",
  "mention",
  "presence",
  "roles",
]);
// "file": the composer's early checks of a chosen file (size, type, how many); "unfilledVariable": of a
// saved reply's variable left in the text.
const CLIENT_ERRORS = ["correctFields", "messageRequired", "messageTooLong", "file", "unfilledVariable"];

/** What every page's client components may need. */
export function clientMessages(all: Catalogue): Catalogue {
  const errors = (all.errors ?? {}) as Catalogue;
  return {
    ...Object.fromEntries(Object.entries(all).filter(([k]) => !SERVER_ONLY.has(k) && !STAFF_ONLY.has(k))),
    errors: Object.fromEntries(CLIENT_ERRORS.map((k) => [k, errors[k]!])),
  };
}

/** What staff pages add. */
export function staffClientMessages(all: Catalogue): Catalogue {
  return Object.fromEntries(Object.entries(all).filter(([k]) => STAFF_ONLY.has(k)));
}
