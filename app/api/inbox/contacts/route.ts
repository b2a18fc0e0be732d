import { createRoute } from "@/lib/api/route";
import { listInboxContacts } from "@/lib/inbox/contacts";
import { contactRowsSchema } from "@/lib/inbox/schemas";
import { STAFF_ROLES } from "@/lib/auth/roles";

// Rows of the contact list that live events touched, as the page's view (sort and
// filters in the query string) shows them, and the view's count. A row that no
// longer matches is absent.
export const GET = createRoute(
  { schema: contactRowsSchema, roles: STAFF_ROLES },
  async ({ ids, count, ...filters }, { user }) => {
    const { contacts, total } = await listInboxContacts(user, filters, undefined, { ids, count });
    return { ids, contacts, total: count ? total : null };
  },
);
