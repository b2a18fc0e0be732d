import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { orNotFound, requireTeammatePage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { getTeammateThread } from "@/lib/inbox/queries";
import { ThreadView } from "@/components/thread/thread-view";
import { getTranslations } from "next-intl/server";

/** The teammate's thread with their organisation: at /me, /me/messages and /me/messages/[id], with no redirect between. */
export async function MyThread({ conversationId }: { conversationId: string | null }) {
  const user = await requireTeammatePage();
  const [org, t] = await Promise.all([getOrganization(user), getTranslations()]);
  if (!conversationId) notFound();
  const thread = await orNotFound(getTeammateThread(user, conversationId));
  return (
    <>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white px-4 py-3">
        <h1 className="text-lg font-semibold">{org.name}</h1>
        <p className="text-xs text-slate-600">{t("me.threadSubtitle")}</p>
      </header>
      <ThreadView
        conversationId={thread.id}
        messages={thread.messages}
        hasEarlier={thread.hasEarlier}
        goneShiftIds={thread.goneShiftIds}
        timeZone={org.timeZone}
        selfId={user.id}
        staff={false}
        composer={{ clientId: randomUUID() }}
        openedAt={new Date().toISOString()}
      />
    </>
  );
}
