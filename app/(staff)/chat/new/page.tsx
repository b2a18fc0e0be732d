import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireStaffPage } from "@/lib/auth/pages";
import { NewChat } from "@/components/chat/new-chat";
import { newChatParams } from "@/lib/chat/schemas";
import { getOrganization } from "@/lib/org/queries";
import { ChatShell } from "@/components/chat/chat-shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("chat.newConversation") };
}

export default async function StaffNewChatPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireStaffPage();
  const [p, org] = await Promise.all([searchParams.then((s) => newChatParams.parse(s)), getOrganization(user)]);
  const form = await orNotFound(
    NewChat({ user, base: "/chat", kind: p.kind, departmentId: p.department, groupId: p.group }),
  );
  return (
    <ChatShell user={user} base="/chat" timeZone={org.timeZone}>
      <div className="h-full overflow-y-auto">{form}</div>
    </ChatShell>
  );
}
