import type { ContactSort } from "./schemas";

// The contact list's order, as the SQL in contacts.ts sorts it, for rows patched
// on the client from live events.

type Sortable = {
  conversationId: string;
  firstName: string;
  lastName: string;
  lastMessageAt: Date | null;
  lastInboundAt: Date | null;
  processed: boolean;
};

const newestFirst = (a: Date | null, b: Date | null) => (b?.getTime() ?? -Infinity) - (a?.getTime() ?? -Infinity) || 0;
const byName = (a: Sortable, b: Sortable) =>
  a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName);
const byId = (a: Sortable, b: Sortable) =>
  a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0;
const open = (c: Sortable) => (!c.processed && c.lastMessageAt ? 0 : 1);

export const CONTACT_ORDER: Record<ContactSort, (a: Sortable, b: Sortable) => number> = {
  latest: (a, b) => newestFirst(a.lastMessageAt, b.lastMessageAt) || byName(a, b) || byId(a, b),
  received: (a, b) =>
    newestFirst(a.lastInboundAt, b.lastInboundAt) || newestFirst(a.lastMessageAt, b.lastMessageAt) || byId(a, b),
  name: (a, b) => byName(a, b) || byId(a, b),
  unprocessed: (a, b) => open(a) - open(b) || newestFirst(a.lastMessageAt, b.lastMessageAt) || byId(a, b),
};
