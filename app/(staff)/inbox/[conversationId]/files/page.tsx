import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireMessagingPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { sharedFiles } from "@/lib/inbox/shared-files";
import { SharedDocuments } from "@/components/files/shared-documents";
import { readSharedParams } from "@/components/files/shared-params";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("files.shared") };
}

export default async function SharedFilesPage({
  params,
  searchParams,
}: {
  params: Promise<{ conversationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { conversationId } = await params;
  const user = await requireMessagingPage();
  const [org, t] = await Promise.all([getOrganization(user), getTranslations()]);
  const filter = readSharedParams(await searchParams);
  const page = await orNotFound(sharedFiles(user, conversationId, filter));
  const thread = `/inbox/${encodeURIComponent(conversationId)}`;
  return (
    <div className="mx-auto w-full max-w-2xl overflow-y-auto">
      <BackLink href={thread}>{t("files.backToThread")}</BackLink>
      <SharedDocuments page={page} kind={filter.kind} timeZone={org.timeZone} href={`${thread}/files`} />
    </div>
  );
}
