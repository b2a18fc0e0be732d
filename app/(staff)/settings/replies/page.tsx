import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireMessagingPage } from "@/lib/auth/pages";
import { listSavedReplies, managersEditReplies, type SavedReplyRow } from "@/lib/replies/queries";
import { archiveReplyAction, moveReplyAction, setReplyPolicyAction } from "@/lib/replies/actions";
import { REPLY_VARIABLES, type ReplyVariable } from "@/lib/conversations/reply-variables";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClass } from "@/components/ui/button";
import { ReplyForm } from "./reply-form";

// Spelled in full for the catalogue check.
const VARIABLE_KEYS = {
  firstName: "replies.variable.firstName",
  myFirstName: "replies.variable.myFirstName",
  shiftDate: "replies.variable.shiftDate",
  shiftStart: "replies.variable.shiftStart",
  shiftEnd: "replies.variable.shiftEnd",
  shiftPlace: "replies.variable.shiftPlace",
  shiftActivity: "replies.variable.shiftActivity",
} as const satisfies Record<ReplyVariable, string>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("replies.title") };
}

/** Saved replies: a manager's own and the organisation's, written, ordered and archived here. */
export default async function SavedRepliesPage() {
  const user = await requireMessagingPage();
  const [t, replies, policy] = await Promise.all([
    getTranslations(),
    listSavedReplies(user, { archived: true }),
    managersEditReplies(user),
  ]);
  const mayShare = user.role === "ADMIN" || policy;
  const small = buttonClass("ghost", "sm");
  const list = (rows: SavedReplyRow[], editable: boolean, testId: string) =>
    rows.length === 0 ? (
      <p className="text-sm text-muted">{t("replies.none")}</p>
    ) : (
      <ul className="divide-y divide-line" data-testid={testId}>
        {rows.map((r, i) => (
          <li key={r.id} className="py-3" data-testid="saved-reply">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="mr-auto font-medium">
                {r.title}
                {r.archived ? (
                  <span className="ml-2 text-xs font-normal text-muted">{t("replies.archived")}</span>
                ) : null}
              </h3>
              {editable ? (
                <>
                  {i > 0 ? (
                    <ActionButton
                      action={moveReplyAction}
                      fields={{ id: r.id, direction: "up" }}
                      label={t("replies.up", { title: r.title })}
                      icon={<span aria-hidden="true">↑</span>}
                      className={small}
                    />
                  ) : null}
                  {i < rows.length - 1 ? (
                    <ActionButton
                      action={moveReplyAction}
                      fields={{ id: r.id, direction: "down" }}
                      label={t("replies.down", { title: r.title })}
                      icon={<span aria-hidden="true">↓</span>}
                      className={small}
                    />
                  ) : null}
                  <ActionButton
                    action={archiveReplyAction}
                    fields={{ id: r.id, archived: String(!r.archived) }}
                    label={r.archived ? t("replies.restore") : t("replies.archive")}
                    className={small}
                  />
                </>
              ) : null}
            </div>
            <dl className="mt-1 grid gap-1 text-sm sm:grid-cols-[5rem_1fr]">
              {r.bodyEn ? (
                <>
                  <dt className="text-muted">{t("replies.langEn")}</dt>
                  <dd lang="en" className="whitespace-pre-wrap">
                    {r.bodyEn}
                  </dd>
                </>
              ) : null}
              {r.bodyFr ? (
                <>
                  <dt className="text-muted">{t("replies.langFr")}</dt>
                  <dd lang="fr" className="whitespace-pre-wrap">
                    {r.bodyFr}
                  </dd>
                </>
              ) : null}
            </dl>
            {editable ? (
              <details className="mt-2">
                <summary className="min-h-11 cursor-pointer text-sm text-accent-ink sm:min-h-0">
                  {t("replies.edit")}
                </summary>
                <div className="mt-2">
                  <ReplyForm reply={r} mayShare={mayShare} />
                </div>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    );
  return (
    <div className="max-w-3xl space-y-6 p-4 sm:p-6">
      <div>
        <h1 className="text-xl font-semibold">{t("replies.title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("replies.help")}</p>
      </div>
      <section className="rounded-card border border-line bg-surface p-4">
        <h2 className="font-medium">{t("replies.variables")}</h2>
        <p className="mt-1 text-sm text-muted">{t("replies.variablesHelp")}</p>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {REPLY_VARIABLES.map((v) => (
            <div key={v} className="contents">
              <dt>
                <code>{`{{${v}}}`}</code>
              </dt>
              <dd className="text-muted">{t(VARIABLE_KEYS[v])}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="rounded-card border border-line bg-surface p-4">
        <h2 className="font-medium">{t("replies.new")}</h2>
        <div className="mt-2">
          <ReplyForm mayShare={mayShare} />
        </div>
      </section>
      <section className="rounded-card border border-line bg-surface p-4">
        <h2 className="font-medium">{t("replies.mine")}</h2>
        <div className="mt-1">
          {list(
            replies.filter((r) => !r.shared),
            true,
            "my-replies",
          )}
        </div>
      </section>
      <section className="rounded-card border border-line bg-surface p-4">
        <h2 className="font-medium">{t("replies.shared")}</h2>
        {user.role === "ADMIN" ? (
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            <span className="text-muted">{policy ? t("replies.policyOn") : t("replies.policyOff")}</span>
            <ActionButton
              action={setReplyPolicyAction}
              fields={{ managersEdit: String(!policy) }}
              label={policy ? t("replies.policyTurnOff") : t("replies.policyTurnOn")}
              className={buttonClass("secondary", "sm")}
            />
          </div>
        ) : null}
        <div className="mt-1">
          {list(
            replies.filter((r) => r.shared),
            mayShare,
            "shared-replies",
          )}
        </div>
      </section>
    </div>
  );
}
