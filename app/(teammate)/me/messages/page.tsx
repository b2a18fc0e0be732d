import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireTeammatePage } from "@/lib/auth/pages";
import { teammateThreadId } from "@/lib/inbox/queries";
import { MyThread } from "./my-thread";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("nav.messages") };
}

/** The teammate's messages, served here directly (no redirect to the thread's own address). */
export default async function MyMessages() {
  return <MyThread conversationId={await teammateThreadId(await requireTeammatePage())} />;
}
