import { randomUUID } from "node:crypto";
import { orNotFound, requireMessagingPage } from "@/lib/auth/pages";
import { getOrganization, reviseRights } from "@/lib/org/queries";
import { getStaffThread, staffThreadName } from "@/lib/inbox/queries";
import type { Metadata } from "next";
import { listNotes } from "@/lib/inbox/notes";
import { processedHistory } from "@/lib/inbox/processed";
import { markUnreadAction } from "@/lib/inbox/actions";
import { ThreadView } from "@/components/thread/thread-view";
import { StaffMessageMenu } from "@/components/thread/on-first-menu";
import { ComposerOptions } from "@/components/thread/composer-options";
import { ShiftStaffProvider } from "@/components/thread/shift-staff";
import { ActionButton } from "@/components/ui/action-button";
import { InboxShell, readFilters, type InboxSearchParams } from "../inbox-shell";
import { ThreadHeader } from "./thread-header";
import { menuItemClass } from "@/components/ui/menu";
import { requestExportAction } from "@/lib/exports/actions";
import { getTranslations } from "next-intl/server";
import { FocusOnOpen } from "@/components/ui/focus-on-open";
import { filtersQuery } from "@/lib/inbox/filters-url";
import { readComposerNotice } from "@/components/thread/composer-notice";
import { Link } from "@/components/ui/link";
import { sharedFiles } from "@/lib/inbox/shared-files";
import { smsStateKey } from "@/components/inbox/grouped-labels";
import { SharedDocuments } from "@/components/files/shared-documents";
import { MuteButton } from "@/components/pwa/mute-button";
import { ThreadPresence, TypingLine } from "@/components/presence/thread-presence";
import { AssignmentProvider } from "@/components/inbox/assignment";
import { assignableStaff, threadOwner } from "@/lib/inbox/assign";
import { listSavedReplies, replyValues } from "@/lib/replies/queries";
import { SavedReplyPicker } from "@/components/replies/saved-reply-picker";
import { MentionPicker } from "@/components/inbox/mention-picker";
import { openAtSchema } from "@/lib/conversations/schemas";
import { SendLater } from "@/components/inbox/send-later";
import { threadDateLabels } from "@/lib/conversations/date-labels";
import { ScheduledBanner } from "@/components/inbox/scheduled-banner";
import { addDays, isoDay, utcToLocalInput } from "@/lib/text/time";

/** 07:00 tomorrow in the organisation's time zone, as a datetime-local value: where "Send later" starts. */
function tomorrowAt7(timeZone: string): string {
  const today = utcToLocalInput(new Date(), timeZone).slice(0, 10);
  return `${isoDay(addDays(new Date(`${today}T00:00Z`), 1))}T07:00`;
}

/** The tab says whose thread it is: several open threads can be told apart. */
export async function generateMetadata({ params }: { params: Promise<{ conversationId: string }> }): Promise<Metadata> {
  const [{ conversationId }, user] = await Promise.all([params, requireMessagingPage()]);
  return { title: (await staffThreadName(user, conversationId)) ?? (await getTranslations())("nav.messaging") };
}

export default async function ThreadPage({
  params,
  searchParams,
}: {
  params: Promise<{ conversationId: string }>;
  searchParams: InboxSearchParams;
}) {
  const { conversationId } = await params;
  const user = await requireMessagingPage();
  const open = openAtSchema.parse(await searchParams);
  const [org, t, thread] = await Promise.all([
    getOrganization(user),
    getTranslations(),
    orNotFound(getStaffThread(user, conversationId, open.at)),
  ]);
  const [notes, history, owner, staff, replies, fill, files] = await Promise.all([
    listNotes(user, thread.id, thread.hasEarlier ? thread.messages[0]?.createdAt : undefined),
    processedHistory(user, thread.id),
    threadOwner(user, thread.id),
    assignableStaff(user),
    listSavedReplies(user),
    replyValues(user, thread.id),
    sharedFiles(user, thread.id, { take: 8 }),
  ]);
  const name = `${thread.teammate.firstName} ${thread.teammate.lastName}`;
  const filters = await readFilters(searchParams);
  const list = filtersQuery(filters);
  const hasInbound = thread.messages.some((m) => !m.fromStaff);
  const filesHref = `/inbox/${encodeURIComponent(thread.id)}/files`;
  const details = [thread.teammate.email, thread.teammate.phone].filter(Boolean).join(" · ");
  return (
    <InboxShell user={user} timeZone={org.timeZone} filters={filters} activeId={thread.id}>
      <AssignmentProvider
        conversationId={thread.id}
        selfId={user.id}
        initial={owner}
        staff={staff}
        timeZone={org.timeZone}
      >
        <ThreadHeader
          conversationId={thread.id}
          name={name}
          heading={
            <>
              <FocusOnOpen id="thread-heading" key={thread.id} />
              <h2 id="thread-heading" tabIndex={-1} title={details} className="truncate font-semibold outline-none">
                {name}
              </h2>
              <a href="#message-body" className="sr-only focus:not-sr-only focus:underline">
                {t("thread.skipToReply")}
              </a>
            </>
          }
          details={details}
          backHref={`/inbox${list}`}
          processed={thread.processed}
          processedAt={thread.processedAt}
          processedBy={thread.processedBy}
          history={history}
          timeZone={org.timeZone}
          menu={
            <>
              {hasInbound ? (
                <ActionButton
                  action={markUnreadAction}
                  fields={{ conversationId: thread.id, list }}
                  label={t("inbox.markUnread")}
                  className={menuItemClass}
                  wide
                />
              ) : null}
              <Link href={`/inbox/search?in=${encodeURIComponent(thread.id)}`} className={menuItemClass}>
                {t("search.inThisThread")}
              </Link>
              <Link href={filesHref} className={menuItemClass}>
                {t("files.shared")}
              </Link>
              <MuteButton user={user} conversationId={thread.id} className={menuItemClass} wide />
              <ActionButton
                action={requestExportAction}
                fields={{ pick: thread.teammate.id }}
                label={t("exports.exportAttachments")}
                doneMessage={t("exports.requested")}
                className={menuItemClass}
                wide
              />
            </>
          }
        />
        <div className="flex min-h-0 flex-1">
          <div className="flex min-w-0 flex-1 flex-col">
            <ScheduledBanner user={user} conversationId={thread.id} timeZone={org.timeZone} />
            <ShiftStaffProvider>
              <ThreadPresence conversationId={thread.id}>
                <ThreadView
                  conversationId={thread.id}
                  messages={thread.messages}
                  hasEarlier={thread.hasEarlier}
                  goneShiftIds={thread.goneShiftIds}
                  notes={notes}
                  timeZone={org.timeZone}
                  staff
                  selfId={user.id}
                  revise={reviseRights(user, org)}
                  dates={await threadDateLabels(thread.messages, notes, org.timeZone)}
                  composer={{
                    clientId: randomUUID(),
                    placeholder: t("inbox.writeTo", { name: thread.teammate.firstName }),
                    notice: readComposerNotice(await searchParams, t as never),
                    status: <TypingLine conversationId={thread.id} />,
                    noteTools: <MentionPicker people={staff.filter((p) => p.id !== user.id)} />,
                    options: (
                      <>
                        <SavedReplyPicker
                          replies={replies.map(({ id, title, bodyEn, bodyFr }) => ({ id, title, bodyEn, bodyFr }))}
                          values={fill.values}
                          locale={fill.locale}
                        />
                        <SendLater tomorrow={tomorrowAt7(org.timeZone)} zone={org.timeZone} timeZone={org.timeZone} />
                        <ComposerOptions
                          urgent
                          sms={{
                            allowed: thread.sms === "eligible",
                            why: thread.sms === "eligible" ? undefined : t(smsStateKey(thread.sms)),
                          }}
                        />
                      </>
                    ),
                  }}
                  openedAt={new Date().toISOString()}
                  focus={open.at || open.note ? { seq: open.at, noteId: open.note } : undefined}
                />
              </ThreadPresence>
            </ShiftStaffProvider>
            <StaffMessageMenu conversationId={thread.id} listQuery={list} />
          </div>
          {/* Opens beside the thread on a wide screen once there is something in it. */}
          {files.files.length ? (
            <aside className="hidden w-72 shrink-0 overflow-y-auto border-l border-line bg-surface xl:block">
              <SharedDocuments page={files} timeZone={org.timeZone} href={filesHref} compact />
            </aside>
          ) : null}
        </div>
      </AssignmentProvider>
    </InboxShell>
  );
}
