import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { openAtSchema } from "@/lib/conversations/schemas";
import { chatTitle } from "@/lib/chat/queries";
import { orNotFound, requireStaffPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { ChatConversation } from "@/components/chat/chat-conversation";
import { readComposerNotice } from "@/components/thread/composer-notice";
import { ChatShell } from "@/components/chat/chat-shell";
import { chatSearchSchema } from "@/lib/chat/schemas";

/** The tab says which conversation it is. */
export async function generateMetadata({ params }: { params: Promise<{ conversationId: string }> }): Promise<Metadata> {
  const [{ conversationId }, user] = await Promise.all([params, requireStaffPage()]);
  return { title: (await chatTitle(user, conversationId)) ?? (await getTranslations())("nav.chat") };
}

export default async function StaffChatConversationPage({
  params,
  searchParams,
}: {
  params: Promise<{ conversationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ conversationId }, user, t, query] = await Promise.all([
    params,
    requireStaffPage(),
    getTranslations(),
    searchParams,
  ]);
  const org = await getOrganization(user);
  const view = await orNotFound(
    ChatConversation({
      user,
      conversationId,
      base: "/chat",
      timeZone: org.timeZone,
      notice: readComposerNotice(query, t as never),
      at: openAtSchema.parse(query).at,
    }),
  );
  // A search's results stay in the list while one of them is open (the hits carry ?q=).
  const { q } = chatSearchSchema.parse({ q: typeof query.q === "string" ? query.q : undefined });
  return (
    <ChatShell user={user} base="/chat" timeZone={org.timeZone} q={q}>
      {view}
    </ChatShell>
  );
}
