import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { orNotFound, requireTeammatePage } from "@/lib/auth/pages";
import { getOrganization, reviseRights } from "@/lib/org/queries";
import { getTeammateThread } from "@/lib/inbox/queries";
import { ThreadView } from "@/components/thread/thread-view";
import { getTranslations } from "next-intl/server";
import type { ComposerNotice } from "@/components/thread/composer-notice";
import { MuteButton } from "@/components/pwa/mute-button";
import { FolderOpen } from "@/components/ui/icons/folder-open";
import { Search } from "@/components/ui/icons/search";
import { iconButtonClass } from "@/components/ui/button";
import { IconLink } from "@/components/ui/icon-link";
import { threadDateLabels } from "@/lib/conversations/date-labels";

/** The teammate's thread with their organisation: at /me, /me/messages and /me/messages/[id], with no redirect between. */
export async function MyThread({
  conversationId,
  notice,
  at,
}: {
  conversationId: string | null;
  notice?: ComposerNotice;
  /** Open at this message (a search's result). */
  at?: number;
}) {
  const user = await requireTeammatePage();
  const [org, t] = await Promise.all([getOrganization(user), getTranslations()]);
  if (!conversationId) notFound();
  const thread = await orNotFound(getTeammateThread(user, conversationId, at));
  const [dates, nonce] = await Promise.all([
    threadDateLabels(thread.messages, [], org.timeZone),
    headers().then((h) => h.get("x-nonce") ?? undefined),
  ]);
  return (
    <>
      <header className="sticky top-0 z-10 flex items-center gap-2 border-b border-line bg-surface py-1.5 pr-1.5 pl-4">
        <div className="w-0 min-w-0 flex-1">
          <h1 className="truncate font-semibold">{org.name}</h1>
          <p className="truncate text-xs text-muted">{t("me.threadSubtitle")}</p>
        </div>
        <IconLink href="/me/search" label={t("search.open")}>
          <Search aria-hidden="true" className="size-5" />
        </IconLink>
        <IconLink href="/me/files" label={t("files.shared")}>
          <FolderOpen aria-hidden="true" className="size-5" />
        </IconLink>
        <MuteButton user={user} conversationId={thread.id} iconOnly className={iconButtonClass} />
      </header>
      <ThreadView
        conversationId={thread.id}
        messages={thread.messages}
        hasEarlier={thread.hasEarlier}
        goneShiftIds={thread.goneShiftIds}
        timeZone={org.timeZone}
        selfId={user.id}
        revise={reviseRights(user, org)}
        staff={false}
        composer={{ clientId: randomUUID(), notice }}
        openedAt={new Date().toISOString()}
        focus={at ? { seq: at } : undefined}
        dates={dates}
      />
      {/* The phone page opens at the newest message from its first paint, not once its script has
          run (a jump on a slow phone); the thread's own scroll keeps it there after. A search's
          result is brought into view by the thread instead. */}
      {at ? null : (
        <script
          nonce={nonce}
          dangerouslySetInnerHTML={{ __html: "scrollTo(0,document.documentElement.scrollHeight)" }}
        />
      )}
    </>
  );
}
