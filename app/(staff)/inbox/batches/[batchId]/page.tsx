import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { orNotFound, requireMessagingPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { batchStatus, followUpState } from "@/lib/inbox/batch-status";
import { formatDateTime } from "@/lib/text/format";
import { RefreshWhile } from "@/components/live/refresh-while";
import { MessageText } from "@/components/thread/message-text";
import { RECIPIENT_STATE, smsStateKey } from "@/components/inbox/grouped-labels";
import { BackLink } from "@/components/ui/back-link";
import { RemindForm } from "./remind-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("grouped.title") };
}

/** A grouped message: totals, then each recipient's copy (delivered, read) and SMS. Re-drawn every few seconds while it moves. */
export default async function BatchPage({ params }: { params: Promise<{ batchId: string }> }) {
  const user = await requireMessagingPage();
  const [org, t, locale] = await Promise.all([getOrganization(user), getTranslations(), getLocale()]);
  const { batch, rows, totals } = await orNotFound(batchStatus(user, (await params).batchId));
  const now = new Date();
  const followUp = await followUpState(batch, now);
  // Read receipts keep coming for a while; after an hour the page stops polling for them.
  const recent = now.getTime() - batch.createdAt.getTime() < 3600_000;
  const moving =
    !batch.postedAt ||
    rows.some((r) => r.sms === "QUEUED" || r.sms === "SENT") ||
    (recent && totals.waiting > 0) ||
    followUp?.state === "due" ||
    (followUp?.state === "problem" && followUp.retrying);
  const time = (at: Date) => formatDateTime(at, org.timeZone, locale);
  return (
    <div className="max-w-3xl space-y-4 overflow-y-auto p-4 sm:p-6">
      <RefreshWhile active={moving} everyMs={3000} />
      <BackLink href="/inbox">{t("nav.backToContacts")}</BackLink>
      <h1 className="text-xl font-semibold">
        {t("grouped.batch", { date: formatDateTime(batch.createdAt, org.timeZone, locale) })}
      </h1>
      <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <MessageText text={batch.body} />
      </div>
      <ul className="space-y-1 text-sm" data-testid="batch-totals" aria-live="polite">
        <li className="font-semibold">{t("grouped.readTotal", { read: totals.read, total: totals.recipients })}</li>
        {batch.askConfirm ? (
          <li className="font-semibold">
            {t("grouped.confirmedTotal", { confirmed: totals.confirmed, total: totals.recipients })}
          </li>
        ) : null}
        <li>{t("grouped.storedTotal", { stored: totals.stored, total: totals.recipients })}</li>
        {followUp?.state === "planned" ? <li>{t("grouped.followUpPlanned", { time: time(followUp.at) })}</li> : null}
        {followUp?.state === "due" ? <li>{t("grouped.followUpDue", { time: time(followUp.at) })}</li> : null}
        {followUp?.state === "sent" ? (
          <li data-testid="follow-up-sent">
            {t("grouped.followedUp", { time: time(followUp.at), count: followUp.count })}
          </li>
        ) : null}
        {followUp?.state === "problem" ? (
          <li className="text-red-700" data-testid="follow-up-problem">
            {t("grouped.followUpProblem", {
              reason: t(followUp.problem.key as never, followUp.problem.values as never),
            })}
            {followUp.retrying ? ` ${t("grouped.followUpRetrying")}` : null}
          </li>
        ) : null}
        {batch.smsCopy ? (
          <li>
            {t("grouped.smsTotal", { sms: totals.sms, delivered: totals.smsDelivered, failed: totals.smsFailed })}
          </li>
        ) : null}
      </ul>
      {batch.postedAt && totals.waiting > 0 ? (
        <RemindForm batchId={batch.id} waiting={totals.waiting} askConfirm={batch.askConfirm} smsCopy={batch.smsCopy} />
      ) : null}
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200">
            <th className="py-2">{t("grouped.recipient")}</th>
            <th className="py-2">{t("grouped.inApp")}</th>
            {batch.askConfirm ? <th className="py-2">{t("grouped.confirmColumn")}</th> : null}
            <th className="py-2">{t("grouped.sms")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.teammateId} className="border-b border-slate-100" data-testid="batch-recipient">
              <td className="py-2">
                <Link href={`/inbox/${encodeURIComponent(r.conversationId)}`} className="underline">
                  {r.name}
                </Link>
              </td>
              <td className="py-2">
                {t(RECIPIENT_STATE[r.inApp])}
                {r.remindedAt ? (
                  <span className="block text-xs text-muted">
                    {t("grouped.remindedAt", { date: formatDateTime(r.remindedAt, org.timeZone, locale) })}
                  </span>
                ) : null}
              </td>
              {batch.askConfirm ? (
                <td className="py-2" data-testid="recipient-confirmed">
                  {r.confirmedAt
                    ? `${t("grouped.confirmedYes")} · ${formatDateTime(r.confirmedAt, org.timeZone, locale)}`
                    : t("grouped.confirmedNo")}
                </td>
              ) : null}
              <td className="py-2">
                {t(smsStateKey(r.sms))}
                {r.smsError ? <span className="block text-xs text-red-700">{r.smsError}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
