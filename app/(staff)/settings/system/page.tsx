import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireAdminPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { systemOverview } from "@/lib/system/queries";
import { discardJobAction, retryJobAction } from "@/lib/system/actions";
import { formatDateTime } from "@/lib/text/format";
import { ActionButton } from "@/components/ui/action-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("ops.title") };
}

const BUTTON = "min-h-11 rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-100";

export default async function SystemPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireAdminPage();
  const { done } = await searchParams;
  const [t, locale, org, overview] = await Promise.all([
    getTranslations(),
    getLocale(),
    getOrganization(user),
    systemOverview(user),
  ]);
  const when = (d: Date) => formatDateTime(d, org.timeZone, locale);
  // Each kind of background work in the admin's words (keys written out for the catalogue check).
  const kinds: Record<string, string> = {
    "export.attachments": t("ops.kind.export"),
    "sms.send": t("ops.kind.sms"),
    "email.send": t("ops.kind.email"),
    "batch.post": t("ops.kind.batch"),
    "message.notify": t("ops.kind.notify"),
    "channel.notify": t("ops.kind.channel"),
    "push.device": t("ops.kind.device"),
    "people.invite": t("ops.kind.invite"),
    "password.resetRequest": t("ops.kind.reset"),
  };
  const q = overview.queue;
  return (
    <div className="max-w-3xl space-y-6 p-4 sm:p-6">
      <p className="text-sm">
        <Link href="/settings" className="text-teal-800 underline">
          {t("settings.title")}
        </Link>
      </p>
      <h1 className="text-xl font-semibold">{t("ops.title")}</h1>
      <p className="text-sm text-slate-600">{t("ops.intro")}</p>
      {done === "retried" || done === "discarded" ? (
        <p role="status" className="rounded-control bg-teal-50 p-3 text-sm text-teal-900">
          {done === "retried" ? t("ops.retried") : t("ops.discarded")}
        </p>
      ) : null}
      <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="queue-state">
        <h2 className="font-medium">{t("ops.queue")}</h2>
        <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          {(
            [
              ["waiting", t("ops.waiting"), q.waiting],
              ["running", t("ops.running"), q.running],
              ["failed", t("ops.failed"), q.failed],
              ["stuck", t("ops.stuck"), q.stuck],
            ] as const
          ).map(([key, label, n]) => (
            <div key={key} className="rounded-control bg-slate-50 p-2" data-state={key}>
              <dt className="text-slate-600">{label}</dt>
              <dd className="text-lg font-semibold">{n}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-medium">{t("ops.jobs")}</h2>
        {overview.jobs.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("ops.none")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200">
            {overview.jobs.map((j) => (
              <li key={j.id} className="space-y-1 py-3" data-testid="failed-job" data-kind={j.kind}>
                <p className="font-medium">{kinds[j.kind] ?? t("ops.kind.other")}</p>
                <p className="text-sm text-slate-600">
                  {j.endedAt
                    ? t("ops.failedAt", { date: when(j.endedAt) })
                    : t("ops.stuckSince", { date: when(j.createdAt) })}
                  {" · "}
                  {t("ops.tries", { attempts: j.attempts, max: j.maxAttempts })}
                </p>
                {j.error ? (
                  <p className="text-sm break-words text-slate-800">
                    <span className="text-slate-600">{t("ops.lastError")}: </span>
                    {j.error}
                  </p>
                ) : null}
                {j.kind === "sms.send" ? <p className="text-xs text-slate-600">{t("ops.smsTwice")}</p> : null}
                <div className="flex flex-wrap gap-2 pt-1">
                  <ActionButton
                    action={retryJobAction}
                    fields={{ jobId: j.id }}
                    label={t("ops.retry")}
                    pendingLabel={t("ops.retrying")}
                    className="min-h-11 rounded-control bg-accent px-3 text-sm font-medium text-on-accent hover:bg-accent-strong"
                  />
                  <ActionButton
                    action={discardJobAction}
                    fields={{ jobId: j.id }}
                    label={t("ops.discard")}
                    className={BUTTON}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Unsent
        title={t("ops.smsFailed")}
        empty={t("ops.noSms")}
        rows={overview.sms.map((m) => ({ id: m.id, who: m.to, what: null, at: when(m.at), error: m.error }))}
      />
      <Unsent
        title={t("ops.emailsFailed")}
        empty={t("ops.noEmails")}
        rows={overview.emails.map((m) => ({ id: m.id, who: m.to, what: m.subject, at: when(m.at), error: m.error }))}
      />
    </div>
  );
}

type UnsentRow = { id: string; who: string; what: string | null; at: string; error: string | null };

/** SMS or e-mails that could not be sent: to whom, about what, when, and why. */
function Unsent({ title, empty, rows }: { title: string; empty: string; rows: UnsentRow[] }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-medium">{title}</h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {rows.map((r) => (
            <li key={r.id}>
              <span className="font-medium" data-user-text>
                {r.who}
              </span>
              {r.what ? (
                <>
                  {" · "}
                  <span data-user-text>{r.what}</span>
                </>
              ) : null}
              {" · "}
              {r.at}
              {r.error ? <span className="block text-slate-600">{r.error}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
