import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireMessagingPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { contactFiltersSchema } from "@/lib/inbox/schemas";
import { listScheduled } from "@/lib/inbox/scheduled";
import { cancelScheduledAction } from "@/lib/inbox/actions";
import { formatDateTime } from "@/lib/text/format";
import { utcToLocalInput } from "@/lib/text/time";
import { RefreshOn } from "@/components/live/live-events";
import { ActionButton } from "@/components/ui/action-button";
import { BackLink } from "@/components/ui/back-link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Clock } from "@/components/ui/icons/clock";
import { ScheduledEditForm } from "@/components/inbox/scheduled-edit-form";
import { InboxShell } from "../inbox-shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("scheduled.title") };
}

/** Messages waiting to be sent (the organisation's, or one thread's): when, to whom, by whom; their authors change or cancel them. */
export default async function ScheduledPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireMessagingPage();
  const [org, t, locale, query] = await Promise.all([
    getOrganization(user),
    getTranslations(),
    getLocale(),
    searchParams,
  ]);
  const thread =
    typeof query.thread === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(query.thread) ? query.thread : undefined;
  const rows = await listScheduled(user, thread);
  return (
    <InboxShell user={user} timeZone={org.timeZone} filters={contactFiltersSchema.parse({})} paneOpen>
      <RefreshOn types={["scheduled.changed"]} />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <div className="mx-auto w-full max-w-3xl p-3 sm:p-5">
          <BackLink href={thread ? `/inbox/${encodeURIComponent(thread)}` : "/inbox"}>{t("inbox.title")}</BackLink>
          <h1 className="mt-1 mb-3 text-xl font-semibold">{t("scheduled.title")}</h1>
          {rows.length === 0 ? (
            <EmptyState icon={<Clock aria-hidden="true" />} title={t("scheduled.empty")} />
          ) : (
            <ul className="space-y-3">
              {rows.map((r) => (
                <li key={r.id} className="rounded-card border border-line bg-surface" data-testid="scheduled-row">
                  <div className="space-y-1 p-3">
                    <p className="flex flex-wrap items-center gap-x-2 text-sm">
                      {r.conversationId ? (
                        <Link
                          href={`/inbox/${encodeURIComponent(r.conversationId)}`}
                          className="font-semibold hover:underline"
                        >
                          {t("scheduled.to", { name: r.teammateName ?? "" })}
                        </Link>
                      ) : (
                        <span className="font-semibold">{t("scheduled.grouped")}</span>
                      )}
                      <span className="text-muted">{t("scheduled.by", { name: r.authorName })}</span>
                      {r.urgent ? (
                        <span className="rounded-full bg-danger-soft px-2 text-xs font-medium text-danger">
                          {t("scheduled.urgent")}
                        </span>
                      ) : null}
                    </p>
                    <p className="text-sm font-medium" data-testid="scheduled-when">
                      {r.status === "SENDING"
                        ? t("scheduled.sending")
                        : t("scheduled.at", { when: formatDateTime(r.sendAt, org.timeZone, locale) })}
                    </p>
                    {r.status === "FAILED" ? (
                      <p role="alert" className="text-sm text-danger">
                        {t("scheduled.failed")}: {t((r.failure ?? "errors.scheduled.notSent") as never)}
                      </p>
                    ) : null}
                    <p className="text-sm whitespace-pre-wrap">{r.body}</p>
                    {r.smsCopy ? <p className="text-xs text-muted">{t("scheduled.smsNote")}</p> : null}
                  </div>
                  {r.mine ? (
                    <div className="flex flex-wrap items-start gap-2 border-t border-line p-3">
                      <details className="min-w-0 flex-1">
                        <summary className={`${buttonClass("secondary", "sm")} cursor-pointer list-none`}>
                          {t("scheduled.edit")}
                        </summary>
                        <ScheduledEditForm
                          id={r.id}
                          body={r.body}
                          sendAt={utcToLocalInput(r.sendAt, org.timeZone)}
                          zone={org.timeZone}
                        />
                      </details>
                      <ActionButton
                        action={cancelScheduledAction}
                        fields={{ id: r.id }}
                        label={t("scheduled.cancel")}
                        doneMessage={t("scheduled.cancelled")}
                        className={buttonClass("secondary", "sm")}
                      />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </InboxShell>
  );
}
