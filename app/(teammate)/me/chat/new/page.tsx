import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireTeammatePage } from "@/lib/auth/pages";
import { NewChat } from "@/components/chat/new-chat";
import { newChatParams } from "@/lib/chat/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("chat.newConversation") };
}

/** Teammates start private conversations only, within their own department. */
export default async function MyNewChatPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireTeammatePage();
  const p = newChatParams.parse(await searchParams);
  return orNotFound(NewChat({ user, base: "/me/chat", kind: "private", groupId: p.group }));
}
