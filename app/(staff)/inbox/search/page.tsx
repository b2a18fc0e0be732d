import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireMessagingPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { contactFiltersSchema } from "@/lib/inbox/schemas";
import { searchInbox } from "@/lib/inbox/search";
import { staffThreadName } from "@/lib/inbox/queries";
import { assignableStaff } from "@/lib/inbox/assign";
import { SearchPageBody } from "@/components/search/search-page";
import { BackLink } from "@/components/ui/back-link";
import { InboxShell } from "../inbox-shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("search.title") };
}

/** Staff search every thread's messages, notes and files' names, beside the contact list. */
export default async function InboxSearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireMessagingPage();
  const [org, t, staff, query] = await Promise.all([
    getOrganization(user),
    getTranslations(),
    assignableStaff(user),
    searchParams,
  ]);
  // One thread to search in comes from the thread's menu; it is offered back as the one choice.
  const inId = typeof query.in === "string" ? query.in : undefined;
  const inName = inId ? await staffThreadName(user, inId) : null;
  return (
    <InboxShell user={user} timeZone={org.timeZone} filters={contactFiltersSchema.parse({})} paneOpen>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <BackLink href="/inbox" className="mt-2 ml-1 md:hidden">
          {t("inbox.title")}
        </BackLink>
        <SearchPageBody
          action="/inbox/search"
          searchParams={query}
          run={(input) => searchInbox(user, input, org.timeZone)}
          places={inId && inName ? [{ value: inId, label: inName }] : []}
          authors={[
            { value: "teammate", label: t("search.byTeammates") },
            { value: "staff", label: t("search.byStaff") },
            { value: "me", label: t("search.byMe") },
            ...staff.filter((p) => p.id !== user.id).map((p) => ({ value: p.id, label: p.name })),
          ]}
          timeZone={org.timeZone}
        />
      </div>
    </InboxShell>
  );
}
