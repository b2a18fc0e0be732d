import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/roles";
import { isStaff } from "@/lib/auth/roles";
import { getChatThread } from "@/lib/chat/queries";
import { getOrganization, reviseRights } from "@/lib/org/queries";
import { departmentPeople } from "@/lib/chat/people";
import { addMembersAction, deleteChatAction, joinAgainAction, leaveChatAction } from "@/lib/chat/actions";
import { ThreadView } from "@/components/thread/thread-view";
import { threadDateLabels } from "@/lib/conversations/date-labels";
import { ComposerOptions } from "@/components/thread/composer-options";
import { ActionButton } from "@/components/ui/action-button";
import { FocusOnOpen } from "@/components/ui/focus-on-open";
import type { ComposerNotice } from "@/components/thread/composer-notice";
import { ChatKindMark } from "./chat-kind-mark";
import { PeopleForm } from "./people-form";
import { ChatFollow } from "./chat-follow";
import { MuteButton } from "@/components/pwa/mute-button";
import { BackLink } from "@/components/ui/back-link";

const button = "min-h-11 rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-100";

/** An open chat conversation: who is in it, what one may do (add, leave, delete), and its messages. */
export async function ChatConversation({
  user,
  conversationId,
  base,
  timeZone,
  notice,
  at,
}: {
  user: SessionUser;
  conversationId: string;
  base: string;
  timeZone: string;
  notice?: ComposerNotice;
  /** Open at this message (a search's result). */
  at?: number;
}) {
  const [t, c, org] = await Promise.all([
    getTranslations(),
    getChatThread(user, conversationId, at),
    getOrganization(user),
  ]);
  const inIt = new Set(c.participants.map((p) => p.id));
  const addable =
    c.canAdd && c.ref.departmentId
      ? (await departmentPeople(user, c.ref.departmentId)).filter((p) => !inIt.has(p.id))
      : [];
  const web = isStaff(user.role);
  const kindLabel = c.ref.kind === "CHANNEL" ? t("chat.public") : t("chat.private");
  // Staff see it beside the list, whose heading is the page's h1 (as in the inbox); a teammate's screen is its own page.
  const Heading = web ? "h2" : "h1";
  return (
    <>
      <ChatFollow conversationId={c.ref.id} />
      <header className="border-b border-slate-200 bg-white px-3 py-3 sm:px-5">
        <BackLink href={base} className={web ? "md:hidden" : ""}>
          {t("chat.backToList")}
        </BackLink>
        <div className="flex items-center gap-3">
          <ChatKindMark kind={c.ref.kind} />
          <div className="min-w-0">
            <FocusOnOpen id="chat-heading" key={c.ref.id} />
            <Heading
              id="chat-heading"
              tabIndex={-1}
              className="truncate text-lg font-semibold outline-none"
              data-testid="chat-title"
            >
              {c.title}
            </Heading>
            <p className="text-xs text-slate-600">
              {kindLabel}
              {c.departmentName ? ` · ${c.departmentName}` : ""}
            </p>
          </div>
        </div>
        <div className="mt-2 flex flex-wrap items-start gap-2">
          <details className="group">
            <summary className={`${button} inline-flex cursor-pointer list-none items-center`}>
              {t("chat.participants", { count: c.participants.length })}
            </summary>
            <ul
              className="mt-2 max-h-60 overflow-y-auto rounded-control border border-slate-200 p-2 text-sm"
              data-testid="participants"
            >
              {c.participants.map((p) => (
                <li key={p.id} className="py-0.5">
                  {p.firstName} {p.lastName}
                  {p.id === user.id ? ` (${t("chat.you")})` : ""}
                  {p.isCreator ? <span className="ml-1 text-xs text-slate-500">· {t("chat.creator")}</span> : null}
                </li>
              ))}
            </ul>
            {c.ref.kind === "CHANNEL" ? (
              <p className="mt-1 text-xs text-slate-600">{t("chat.publicWhoJoins")}</p>
            ) : null}
          </details>
          {c.canAdd ? (
            <details>
              <summary className={`${button} inline-flex cursor-pointer list-none items-center`}>
                {t("chat.addParticipants")}
              </summary>
              <div className="mt-2 w-72 max-w-full">
                <PeopleForm
                  action={addMembersAction}
                  hidden={{ conversationId: c.ref.id }}
                  people={addable}
                  submitLabel={t("chat.add")}
                  peopleLabel={t("chat.addWho")}
                  testId="add-people"
                />
              </div>
            </details>
          ) : null}
          {c.ref.standing === "member" ? <MuteButton user={user} conversationId={c.ref.id} className={button} /> : null}
          {c.ref.standing === "member" ? (
            <ActionButton
              action={leaveChatAction}
              fields={{ conversationId: c.ref.id }}
              label={t("chat.leave")}
              className={button}
            />
          ) : null}
          {c.canDelete ? (
            <details>
              <summary className={`${button} inline-flex cursor-pointer list-none items-center text-red-800`}>
                {t("chat.delete")}
              </summary>
              <div className="mt-2 space-y-2 rounded-control border border-red-200 bg-red-50 p-3 text-sm">
                <p>{t("chat.deleteConfirm")}</p>
                <ActionButton
                  action={deleteChatAction}
                  fields={{ conversationId: c.ref.id }}
                  label={t("chat.deleteForEveryone")}
                  className="min-h-11 rounded-control bg-danger px-3 text-sm font-medium text-on-accent hover:opacity-90"
                />
              </div>
            </details>
          ) : null}
        </div>
      </header>
      {c.ref.standing === "left" ? (
        <div className="space-y-3 p-6 text-center">
          <p className="text-sm text-slate-700">{t("chat.youLeft")}</p>
          <ActionButton
            action={joinAgainAction}
            fields={{ conversationId: c.ref.id }}
            label={t("chat.joinAgain")}
            className={button}
          />
        </div>
      ) : (
        <ThreadView
          conversationId={c.ref.id}
          messages={c.messages}
          hasEarlier={c.hasEarlier}
          timeZone={timeZone}
          selfId={user.id}
          revise={reviseRights(user, org)}
          staff={web}
          chat
          joinOnOpen={c.ref.standing === "open"}
          composer={{
            clientId: randomUUID(),
            placeholder: t("chat.writeIn", { name: c.title }),
            notice,
            // Staff may mark a chat message urgent (it notifies during quiet hours).
            options: web ? <ComposerOptions urgent /> : undefined,
          }}
          openedAt={new Date().toISOString()}
          focus={at ? { seq: at } : undefined}
          dates={await threadDateLabels(c.messages, [], timeZone)}
        />
      )}
    </>
  );
}
