import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireAdminPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { auditActors, listAudit } from "@/lib/admin/audit";
import { auditFiltersSchema, type AuditFilters } from "@/lib/admin/schemas";
import { formatDateTime } from "@/lib/text/format";
import { AutoSubmit } from "@/components/ui/auto-submit";
import { Pager } from "@/components/ui/pager";
import { auditLabel } from "@/lib/admin/audit-label";
import { exportAuditAction } from "@/lib/admin/actions";
import { ActionButton } from "@/components/ui/action-button";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("audit.title") };
}

const CATEGORY_KEYS = {
  access: "audit.category.access",
  consent: "audit.category.consent",
  profiles: "audit.category.profiles",
  chat: "audit.category.chat",
  structure: "audit.category.structure",
  schedule: "audit.category.schedule",
  messaging: "audit.category.messaging",
} as const satisfies Record<NonNullable<AuditFilters["category"]>, string>;

const field = "min-h-11 rounded-md border border-slate-300 bg-white px-2 text-sm";

/** Who changed what, and when: admins only, newest first, filtered by kind of change, by person and by dates. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireAdminPage();
  const f = auditFiltersSchema.parse(await searchParams);
  const [t, locale, org] = await Promise.all([getTranslations(), getLocale(), getOrganization(admin)]);
  const [{ rows, total, pages }, actors] = await Promise.all([listAudit(admin, f, org.timeZone), auditActors(admin)]);
  return (
    <div className="max-w-5xl space-y-4 p-4 sm:p-6">
      <BackLink href="/settings">{t("settings.title")}</BackLink>
      <h1 className="text-xl font-semibold">{t("audit.title")}</h1>
      <AutoSubmit>
        <form
          method="get"
          action="/settings/audit"
          className="flex flex-wrap items-end gap-2"
          aria-label={t("audit.filters")}
        >
          <label className="text-sm">
            {t("audit.kindOfChange")}
            <select name="category" defaultValue={f.category ?? ""} className={`${field} block`}>
              <option value="">{t("audit.allChanges")}</option>
              {Object.entries(CATEGORY_KEYS).map(([value, key]) => (
                <option key={value} value={value}>
                  {t(key)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            {t("audit.by")}
            <select name="actor" defaultValue={f.actor ?? ""} className={`${field} block`}>
              <option value="">{t("audit.anyone")}</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.firstName} {a.lastName}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            {t("audit.from")}
            <input type="date" name="from" defaultValue={f.from} className={`${field} block`} />
          </label>
          <label className="text-sm">
            {t("audit.to")}
            <input type="date" name="to" defaultValue={f.to} className={`${field} block`} />
          </label>
          <button
            type="submit"
            className="min-h-11 rounded-control border border-line bg-surface px-3 text-sm font-medium text-ink hover:bg-slate-100"
          >
            {t("inbox.apply")}
          </button>
        </form>
      </AutoSubmit>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">{t("audit.count", { count: total })}</p>
        {total ? (
          <ActionButton
            action={exportAuditAction}
            fields={Object.fromEntries(
              Object.entries({ category: f.category, actor: f.actor, from: f.from, to: f.to }).filter(
                (e): e is [string, string] => Boolean(e[1]),
              ),
            )}
            label={t("audit.exportCsv")}
            className="min-h-11 rounded-control border border-line px-3 text-sm hover:bg-slate-100"
          />
        ) : null}
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">{t("audit.when")}</th>
              <th className="px-3 py-2 font-medium">{t("audit.by")}</th>
              <th className="px-3 py-2 font-medium">{t("audit.what")}</th>
              <th className="px-3 py-2 font-medium">{t("audit.about")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} data-testid="audit-row">
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.at, org.timeZone, locale)}</td>
                <td className="px-3 py-2">{r.actor ?? t("audit.shiftline")}</td>
                <td className="px-3 py-2">{auditLabel(r.action, r.data, t as never)}</td>
                <td className="px-3 py-2">
                  {r.messageId ? (
                    <Link href={`/settings/audit/messages/${encodeURIComponent(r.messageId)}`} className="underline">
                      {r.target ? `${r.target} · ` : ""}
                      {t("audit.messageHistory")}
                    </Link>
                  ) : (
                    (r.target ?? "—")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager path="/settings/audit" query={f} page={f.page} pages={pages} />
    </div>
  );
}
