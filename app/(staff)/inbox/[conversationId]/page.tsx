import { randomUUID } from "node:crypto";
import { orNotFound, requireMessagingPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { getStaffThread } from "@/lib/inbox/queries";
import { listNotes } from "@/lib/inbox/notes";
import { processedHistory } from "@/lib/inbox/processed";
import { markUnreadAction } from "@/lib/inbox/actions";
import { ThreadView } from "@/components/thread/thread-view";
import { ActionButton } from "@/components/ui/action-button";
import { InboxShell, readFilters, type InboxSearchParams } from "../inbox-shell";
import { ProcessedBanner } from "./processed-banner";
import { getTranslations } from "next-intl/server";
import { FocusOnOpen } from "@/components/ui/focus-on-open";
import { filtersQuery } from "@/lib/inbox/filters-url";
import { readComposerNotice } from "@/components/thread/composer-notice";
import Link from "next/link";
import { sharedFiles } from "@/lib/inbox/shared-files";
import { smsStateKey } from "@/components/inbox/grouped-labels";
import { SharedDocuments } from "@/components/files/shared-documents";
import { MuteButton } from "@/components/pwa/mute-button";

export default async function ThreadPage({
  params,
  searchParams,
}: {
  params: Promise<{ conversationId: string }>;
  searchParams: InboxSearchParams;
}) {
  const { conversationId } = await params;
  const user = await requireMessagingPage();
  const [org, t] = await Promise.all([getOrganization(user), getTranslations()]);
  const thread = await orNotFound(getStaffThread(user, conversationId));
  const [notes, history] = await Promise.all([
    listNotes(user, thread.id, thread.hasEarlier ? thread.messages[0]?.createdAt : undefined),
    processedHistory(user, thread.id),
  ]);
  const name = `${thread.teammate.firstName} ${thread.teammate.lastName}`;
  const filters = await readFilters(searchParams);
  const list = filtersQuery(filters);
  const hasInbound = thread.messages.some((m) => !m.fromStaff);
  const files = await sharedFiles(user, thread.id, { take: 8 });
  const filesHref = `/inbox/${encodeURIComponent(thread.id)}/files`;
  return (
    <InboxShell user={user} timeZone={org.timeZone} filters={filters} activeId={thread.id}>
      <header className="flex items-start justify-between gap-4 border-b border-slate-200 bg-white px-3 py-3 sm:px-5">
        <div className="min-w-0">
          <FocusOnOpen id="thread-heading" key={thread.id} />
          <h2 id="thread-heading" tabIndex={-1} className="text-lg font-semibold outline-none">
            {name}
          </h2>
          <a href="#message-body" className="sr-only focus:not-sr-only focus:underline">
            {t("thread.skipToReply")}
          </a>
          <p className="truncate text-sm text-slate-600">
            {thread.teammate.email}
            {thread.teammate.phone ? ` · ${thread.teammate.phone}` : ""}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap justify-end gap-2">
          <Link
            href={filesHref}
            className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-100 xl:hidden"
          >
            {t("files.shared")}
          </Link>
          {hasInbound ? (
            <ActionButton
              action={markUnreadAction}
              fields={{ conversationId: thread.id, list }}
              label={t("inbox.markUnread")}
              className="min-h-11 rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-100"
            />
          ) : null}
        </div>
      </header>
      <ProcessedBanner
        conversationId={thread.id}
        processed={thread.processed}
        processedAt={thread.processedAt}
        processedBy={thread.processedBy}
        history={history}
        timeZone={org.timeZone}
        after={
          <MuteButton
            user={user}
            conversationId={thread.id}
            className="min-h-11 rounded-md border border-current/30 bg-white/70 px-3 text-sm hover:bg-white"
          />
        }
      />
      <div className="flex min-h-0 flex-1">
        <div className="flex min-w-0 flex-1 flex-col">
          <ThreadView
            conversationId={thread.id}
            messages={thread.messages}
            hasEarlier={thread.hasEarlier}
            goneShiftIds={thread.goneShiftIds}
            notes={notes}
            timeZone={org.timeZone}
            staff
            listQuery={list}
            composer={{
              clientId: randomUUID(),
              placeholder: t("inbox.writeTo", { name: thread.teammate.firstName }),
              notice: readComposerNotice(await searchParams, t as never),
              sms: {
                allowed: thread.sms === "eligible",
                why: thread.sms === "eligible" ? undefined : t(smsStateKey(thread.sms)),
              },
            }}
            openedAt={new Date().toISOString()}
          />
        </div>
        <aside className="hidden w-72 shrink-0 overflow-y-auto border-l border-slate-200 bg-white xl:block">
          <SharedDocuments page={files} timeZone={org.timeZone} href={filesHref} compact />
        </aside>
      </div>
    </InboxShell>
  );
}
