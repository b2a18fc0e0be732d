import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireTeammatePage } from "@/lib/auth/pages";
import { teammateThreadId } from "@/lib/inbox/queries";
import { MyThread } from "./my-thread";
import { readComposerNotice } from "@/components/thread/composer-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("nav.messages") };
}

/** The teammate's messages, served here directly (no redirect to the thread's own address). */
export default async function MyMessages({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations();
  return (
    <MyThread
      conversationId={await teammateThreadId(await requireTeammatePage())}
      notice={readComposerNotice(await searchParams, t as never)}
    />
  );
}
