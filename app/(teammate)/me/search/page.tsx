import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireTeammatePage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { searchMine, searchableByTeammate } from "@/lib/inbox/search";
import { SearchPageBody } from "@/components/search/search-page";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("search.title") };
}

/** A teammate searches their own thread and their chats: never a note, never another's thread. */
export default async function MySearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireTeammatePage();
  const [org, t, places, query] = await Promise.all([
    getOrganization(user),
    getTranslations(),
    searchableByTeammate(user),
    searchParams,
  ]);
  return (
    <div>
      <BackLink href="/me/messages" className="mt-2 ml-3">
        {t("nav.messages")}
      </BackLink>
      <SearchPageBody
        action="/me/search"
        searchParams={query}
        run={(input) => searchMine(user, input, org.timeZone)}
        places={
          places.length > 1
            ? places.map((p) => ({ value: p.id, label: p.chat ? p.title : t("search.myThread", { org: org.name }) }))
            : []
        }
        authors={[
          { value: "me", label: t("search.byMe") },
          { value: "staff", label: t("search.byStaff") },
        ]}
        timeZone={org.timeZone}
      />
    </div>
  );
}
