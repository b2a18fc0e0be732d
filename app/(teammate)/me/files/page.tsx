import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireTeammatePage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { teammateThreadId } from "@/lib/inbox/queries";
import { sharedFiles } from "@/lib/inbox/shared-files";
import { SharedDocuments } from "@/components/files/shared-documents";
import { readSharedParams } from "@/components/files/shared-params";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("files.shared") };
}

/** The teammate's own conversation's files only: the thread is found from the session, never from the address. */
export default async function MySharedFiles({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireTeammatePage();
  const [org, t, threadId] = await Promise.all([getOrganization(user), getTranslations(), teammateThreadId(user)]);
  if (!threadId) notFound();
  const filter = readSharedParams(await searchParams);
  const page = await orNotFound(sharedFiles(user, threadId, filter));
  return (
    <div className="pb-20">
      <BackLink href="/me/messages">{t("files.backToThread")}</BackLink>
      <SharedDocuments page={page} kind={filter.kind} timeZone={org.timeZone} href="/me/files" />
    </div>
  );
}
