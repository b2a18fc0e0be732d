import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireMessagingPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { devOutbox, listOutbox } from "@/lib/email/queries";
import { listSmsOutbox } from "@/lib/sms/queries";
import { smsStateKey } from "@/components/inbox/grouped-labels";
import { formatDateTime } from "@/lib/text/format";
import { MessageText } from "@/components/thread/message-text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("outbox.title") };
}

export default async function OutboxPage() {
  const user = await requireMessagingPage();
  const [org, t, locale] = await Promise.all([getOrganization(user), getTranslations(), getLocale()]);
  const [emails, sms] = await Promise.all([listOutbox(user, t("outbox.linkHidden")), listSmsOutbox(user)]);
  return (
    <div className="max-w-3xl space-y-4 p-4 sm:p-6">
      <h1 className="text-xl font-semibold">{t("outbox.title")}</h1>
      <p className="text-sm text-slate-600">{t("outbox.intro")}</p>
      {devOutbox() ? (
        <p
          role="note"
          className="rounded-control border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          data-testid="dev-outbox"
        >
          {t("outbox.devTool")}
        </p>
      ) : null}
      {emails.length === 0 ? <p className="text-sm text-slate-600">{t("outbox.empty")}</p> : null}
      <ul className="space-y-3">
        {emails.map((e) => (
          <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="email">
            <h2 className="font-medium">{e.subject}</h2>
            <p className="text-xs text-slate-600">
              {t("outbox.to", { email: e.toEmail })} ·{" "}
              {e.status === "QUEUED"
                ? t("outbox.queued")
                : e.status === "FAILED"
                  ? t("outbox.failed", { error: e.error ?? "" })
                  : e.provider === "resend"
                    ? t("outbox.sent", { date: formatDateTime(e.sentAt ?? e.createdAt, org.timeZone, locale) })
                    : t("outbox.kept", { date: formatDateTime(e.sentAt ?? e.createdAt, org.timeZone, locale) })}
            </p>
            <div className="mt-2 text-sm">
              <MessageText text={e.text} />
            </div>
          </li>
        ))}
      </ul>
      <h2 className="pt-4 text-lg font-semibold">{t("outbox.smsTitle")}</h2>
      <p className="text-sm text-slate-600">{t("outbox.smsIntro")}</p>
      {sms.length === 0 ? <p className="text-sm text-slate-600">{t("outbox.smsEmpty")}</p> : null}
      <ul className="space-y-3">
        {sms.map((s) => (
          <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="sms">
            <p className="text-xs text-slate-600">
              {t("outbox.to", { email: s.toPhone })} · {t(smsStateKey(s.status))} ·{" "}
              {formatDateTime(s.createdAt, org.timeZone, locale)}
            </p>
            <div className="mt-2 text-sm">
              <MessageText text={s.body} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
