import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireMessagingPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { contactFilterOptions } from "@/lib/inbox/contacts";
import { listMyExports, type ExportRow } from "@/lib/exports/queries";
import { retryExportAction } from "@/lib/exports/actions";
import { formatBytes, formatDateTime } from "@/lib/text/format";
import { ActionButton } from "@/components/ui/action-button";
import { RefreshWhile } from "@/components/live/refresh-while";
import { buttonClass } from "@/components/ui/button";
import { Banner } from "@/components/ui/banner";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("exports.title") };
}

export default async function ExportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireMessagingPage();
  const [org, t, locale, rows, params, options] = await Promise.all([
    getOrganization(user),
    getTranslations(),
    getLocale(),
    listMyExports(user),
    searchParams,
    contactFilterOptions(user),
  ]);
  // A filtered export in the words of the contact list: "Department: Care, “Fran”", not raw ids.
  const describeFilters = (f: Record<string, unknown>) => {
    const named = (list: { id: string; name: string }[], id: unknown) => list.find((x) => x.id === id)?.name ?? "—";
    const words: Record<string, (v: unknown) => string> = {
      q: (v) => `“${String(v)}”`,
      department: (v) => `${t("inbox.department")}: ${named(options.departments, v)}`,
      skill: (v) => `${t("inbox.skill")}: ${named(options.skills, v)}`,
      tag: (v) => `${t("inbox.tag")}: ${named(options.tags, v)}`,
      activity: (v) => `${t("inbox.activity")}: ${named(options.activities, v)}`,
      city: (v) => `${t("inbox.city")}: ${String(v)}`,
      postcode: (v) => `${t("inbox.postcode")}: ${String(v)}`,
      processed: (v) => t(v === "yes" ? "inbox.processed" : "inbox.notProcessed"),
      scheduled: (v) =>
        t(
          v === "today"
            ? "inbox.workingToday"
            : v === "tomorrow"
              ? "inbox.workingTomorrow"
              : "inbox.notScheduledThisWeek",
        ),
      waiting: () => t("inbox.waitingList"),
      unread: () => t("inbox.unreadOnly"),
    };
    return Object.entries(f)
      .filter(([k, v]) => words[k] && v !== undefined && v !== false && v !== "")
      .map(([k, v]) => words[k]!(v))
      .join(", ");
  };
  const working = rows.some((r) => r.status === "QUEUED" || r.status === "RUNNING");
  const status = (r: ExportRow) =>
    r.status === "QUEUED"
      ? t("exports.queued")
      : r.status === "RUNNING"
        ? t("exports.running", { done: r.progress, total: r.total ?? 0 })
        : r.status === "DONE"
          ? r.kind === "AUDIT"
            ? t("exports.doneRows", { count: r.fileCount ?? 0, size: formatBytes(r.fileSize ?? 0, locale) })
            : t("exports.done", { count: r.fileCount ?? 0, size: formatBytes(r.fileSize ?? 0, locale) })
          : t("exports.failed", {
              reason: t.has(r.error ?? "") ? t(r.error as "errors.export.failed") : t("errors.export.failed"),
            });
  return (
    <div className="max-w-3xl space-y-4 p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{t("exports.title")}</h1>
        {/* The links go out by e-mail; without an e-mail provider they wait in the outbox. */}
        <Link href="/outbox" className={buttonClass("ghost")}>
          {t("nav.outbox")}
        </Link>
      </div>
      <RefreshWhile active={working} />
      {params.requested ? (
        <Banner role="status" tone="success">
          {t("exports.requested")}
        </Banner>
      ) : null}
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t("exports.none")}</p> : null}
      <ul className="space-y-3">
        {rows.map((r) => (
          <li
            key={r.id}
            className="rounded-card border border-line bg-surface p-4"
            data-testid="export"
            data-status={r.status}
          >
            <p className="font-medium">
              {r.kind === "AUDIT"
                ? t("exports.audit")
                : r.selection.teammateIds
                  ? t("exports.picked", { count: r.selection.teammateIds.length })
                  : r.selection.filters && Object.values(r.selection.filters).some((v) => v)
                    ? t("exports.filtered", { filters: describeFilters(r.selection.filters) })
                    : t("exports.allTeammates")}
            </p>
            <p className="text-xs text-slate-600">
              {t("exports.requestedAt", { date: formatDateTime(r.createdAt, org.timeZone, locale) })}
            </p>
            <p className="mt-2 text-sm" aria-live="polite">
              {status(r)}
            </p>
            {r.status === "RUNNING" && r.total ? (
              <progress
                className="mt-1 h-2 w-full accent-teal-700"
                max={r.total}
                value={r.progress}
                aria-label={t("exports.progress")}
              />
            ) : null}
            {r.status === "DONE" ? (
              r.partLinks.length ? (
                <div className="mt-2 text-sm">
                  {/* A large export comes in several zips: a zip holds at most 65,535 files and 4 GB. */}
                  <p className="text-slate-600">{t("exports.inParts", { count: r.partLinks.length })}</p>
                  <ul className="mt-1 flex flex-wrap gap-x-4">
                    {r.partLinks.map((href, i) => (
                      <li key={href}>
                        <a
                          href={href}
                          className="inline-flex min-h-11 items-center font-medium text-teal-800 underline"
                        >
                          {t("exports.downloadPart", { number: i + 1, total: r.partLinks.length })}
                        </a>
                      </li>
                    ))}
                  </ul>
                  <p className="text-slate-600">
                    {t("exports.validUntil", { date: formatDateTime(r.expiresAt!, org.timeZone, locale) })}
                  </p>
                </div>
              ) : r.link ? (
                <p className="mt-2 text-sm">
                  <a href={r.link} className="font-medium text-teal-800 underline">
                    {r.kind === "AUDIT" ? t("exports.downloadCsv") : t("exports.download")}
                  </a>{" "}
                  <span className="text-slate-600">
                    {t("exports.validUntil", { date: formatDateTime(r.expiresAt!, org.timeZone, locale) })}
                  </span>
                </p>
              ) : (
                <p className="mt-2 text-sm text-slate-600">{t("exports.expired")}</p>
              )
            ) : null}
            {r.status === "FAILED" ? (
              <div className="mt-2">
                <ActionButton
                  action={retryExportAction}
                  fields={{ exportId: r.id }}
                  label={t("exports.retry")}
                  className="min-h-11 rounded-control border border-line px-3 text-sm hover:bg-slate-100"
                />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
