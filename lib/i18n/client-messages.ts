// What of the catalogue the browser gets (root layout's I18nProvider): not the
// texts only the server writes (the demo's data, system messages, the errors it words
// itself, and pages drawn on the server only, such as search), which are a third of it. Client
// components that need an error text name it here.

export type Catalogue = { [key: string]: string | Catalogue };

const SERVER_ONLY = new Set(["demo", "system", "errors", "ops", "search", "messageHistory"]);
// "file": the composer's early checks of a chosen file (size, type, how many); "unfilledVariable": of a
// saved reply's variable left in the text.
const CLIENT_ERRORS = ["correctFields", "messageRequired", "messageTooLong", "file", "unfilledVariable"];

export function clientMessages(all: Catalogue): Catalogue {
  const errors = (all.errors ?? {}) as Catalogue;
  return {
    ...Object.fromEntries(Object.entries(all).filter(([k]) => !SERVER_ONLY.has(k))),
    errors: Object.fromEntries(CLIENT_ERRORS.map((k) => [k, errors[k]!])),
  };
}
