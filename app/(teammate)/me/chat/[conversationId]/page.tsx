import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { openAtSchema } from "@/lib/conversations/schemas";
import { chatTitle } from "@/lib/chat/queries";
import { orNotFound, requireTeammatePage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { ChatConversation } from "@/components/chat/chat-conversation";
import { readComposerNotice } from "@/components/thread/composer-notice";

/** The tab says which conversation it is. */
export async function generateMetadata({ params }: { params: Promise<{ conversationId: string }> }): Promise<Metadata> {
  const [{ conversationId }, user] = await Promise.all([params, requireTeammatePage()]);
  return { title: (await chatTitle(user, conversationId)) ?? (await getTranslations())("nav.chat") };
}

export default async function MyChatConversationPage({
  params,
  searchParams,
}: {
  params: Promise<{ conversationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ conversationId }, user, t] = await Promise.all([params, requireTeammatePage(), getTranslations()]);
  const org = await getOrganization(user);
  return orNotFound(
    ChatConversation({
      user,
      conversationId,
      base: "/me/chat",
      timeZone: org.timeZone,
      notice: readComposerNotice(await searchParams, t as never),
      at: openAtSchema.parse(await searchParams).at,
    }),
  );
}
