import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireStaffPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { requireChatOn } from "@/lib/chat/access";
import { chatSearchSchema } from "@/lib/chat/schemas";
import { ChatShell } from "@/components/chat/chat-shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("nav.chat") };
}

export default async function StaffChatPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireStaffPage();
  await orNotFound(requireChatOn(user));
  const [org, { q }] = await Promise.all([
    getOrganization(user),
    searchParams.then((p) => chatSearchSchema.parse({ q: p.q })),
  ]);
  return <ChatShell user={user} base="/chat" timeZone={org.timeZone} q={q} />;
}
