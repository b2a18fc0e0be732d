import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireStaffPage } from "@/lib/auth/pages";
import { NewChat } from "@/components/chat/new-chat";
import { newChatParams } from "@/lib/chat/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("chat.newConversation") };
}

export default async function StaffNewChatPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireStaffPage();
  const p = newChatParams.parse(await searchParams);
  return (
    <div className="h-full overflow-y-auto">
      {await orNotFound(NewChat({ user, base: "/chat", kind: p.kind, departmentId: p.department, groupId: p.group }))}
    </div>
  );
}
