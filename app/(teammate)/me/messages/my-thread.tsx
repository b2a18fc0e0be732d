import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { orNotFound, requireTeammatePage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { getTeammateThread } from "@/lib/inbox/queries";
import { ThreadView } from "@/components/thread/thread-view";
import { getTranslations } from "next-intl/server";
import type { ComposerNotice } from "@/components/thread/composer-notice";
import { MuteButton } from "@/components/pwa/mute-button";

/** The teammate's thread with their organisation: at /me, /me/messages and /me/messages/[id], with no redirect between. */
export async function MyThread({ conversationId, notice }: { conversationId: string | null; notice?: ComposerNotice }) {
  const user = await requireTeammatePage();
  const [org, t] = await Promise.all([getOrganization(user), getTranslations()]);
  if (!conversationId) notFound();
  const thread = await orNotFound(getTeammateThread(user, conversationId));
  return (
    <>
      <header className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-3">
        <div className="min-w-40 flex-1">
          <h1 className="text-lg font-semibold">{org.name}</h1>
          <p className="text-xs text-slate-600">{t("me.threadSubtitle")}</p>
        </div>
        <div className="flex shrink-0 flex-wrap justify-end gap-2">
          <MuteButton
            user={user}
            conversationId={thread.id}
            className="min-h-11 rounded-md border border-slate-300 px-3 text-sm"
          />
          <Link
            href="/me/files"
            className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 text-sm"
          >
            {t("files.shared")}
          </Link>
        </div>
      </header>
      <ThreadView
        conversationId={thread.id}
        messages={thread.messages}
        hasEarlier={thread.hasEarlier}
        goneShiftIds={thread.goneShiftIds}
        timeZone={org.timeZone}
        selfId={user.id}
        staff={false}
        composer={{ clientId: randomUUID(), notice }}
        openedAt={new Date().toISOString()}
      />
    </>
  );
}
