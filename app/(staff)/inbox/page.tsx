import type { Metadata } from "next";
import { requireMessagingPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { InboxShell, readFilters, type InboxSearchParams } from "./inbox-shell";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("inbox.title") };
}

export default async function InboxPage({ searchParams }: { searchParams: InboxSearchParams }) {
  const user = await requireMessagingPage();
  const [org, t] = await Promise.all([getOrganization(user), getTranslations()]);
  return (
    <InboxShell user={user} timeZone={org.timeZone} filters={await readFilters(searchParams)}>
      <div className="flex flex-1 items-center justify-center text-slate-500">{t("inbox.selectContact")}</div>
    </InboxShell>
  );
}
