import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { buttonClass } from "@/components/ui/button";
import { requireStaffPage } from "@/lib/auth/pages";
import { listPeople } from "@/lib/teammates/queries";
import { peopleFiltersSchema } from "@/lib/teammates/schemas";
import { Pager } from "@/components/ui/pager";
import { listDepartments } from "@/lib/org/queries";
import { getTranslations } from "next-intl/server";
import { AutoSubmit } from "@/components/ui/auto-submit";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("teammates.title") };
}

const select = "min-h-11 rounded-md border border-slate-300 bg-white px-2 text-sm";

/** The people directory: search, filters and pages; admins see staff too, and each person's access. */
export default async function TeammatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireStaffPage();
  const f = peopleFiltersSchema.parse(await searchParams);
  const admin = user.role === "ADMIN";
  const [{ people, total, pages }, departments, tr] = await Promise.all([
    listPeople(user, f),
    listDepartments(user),
    getTranslations(),
  ]);
  const roleName = (r: string) =>
    r === "ADMIN" ? tr("roles.ADMIN") : r === "MANAGER" ? tr("roles.MANAGER") : tr("roles.TEAMMATE");
  return (
    <div className="p-4 sm:p-6">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{tr("teammates.title")}</h1>
        <div className="flex flex-wrap gap-2">
          <Link
            href="/people/import"
            className="inline-flex min-h-11 items-center rounded-control border border-line px-3 text-sm font-medium hover:bg-slate-100"
          >
            {tr("import.title")}
          </Link>
          <Link
            href="/people/invite"
            className="inline-flex min-h-11 items-center rounded-control bg-accent px-3 text-sm font-medium text-on-accent hover:bg-accent-strong"
          >
            {tr("people.invite")}
          </Link>
        </div>
      </div>
      <AutoSubmit>
        <form
          method="get"
          action="/teammates"
          role="search"
          aria-label={tr("people.search")}
          className="mb-3 flex flex-wrap items-end gap-2"
        >
          <input
            type="search"
            name="q"
            defaultValue={f.q}
            placeholder={tr("people.search")}
            aria-label={tr("people.search")}
            className="min-h-11 min-w-48 flex-1 rounded-control border border-line px-3 text-sm"
          />
          {admin ? (
            <select name="role" defaultValue={f.role ?? ""} aria-label={tr("people.role")} className={select}>
              <option value="">{tr("people.allRoles")}</option>
              <option value="TEAMMATE">{tr("roles.TEAMMATE")}</option>
              <option value="MANAGER">{tr("roles.MANAGER")}</option>
              <option value="ADMIN">{tr("roles.ADMIN")}</option>
            </select>
          ) : null}
          <select
            name="department"
            defaultValue={f.department ?? ""}
            aria-label={tr("people.department")}
            className={select}
          >
            <option value="">{tr("people.allDepartments")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <select name="status" defaultValue={f.status} aria-label={tr("people.status")} className={select}>
            <option value="active">{tr("people.active")}</option>
            <option value="disabled">{tr("people.disabled")}</option>
            <option value="all">{tr("people.everyone")}</option>
          </select>
          <button type="submit" className={buttonClass("secondary")}>
            {tr("inbox.apply")}
          </button>
        </form>
      </AutoSubmit>
      <p className="mb-2 text-sm text-slate-600" data-testid="people-count">
        {tr("people.count", { count: total })}
      </p>
      <div className="overflow-x-auto rounded-card border border-line bg-surface">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">{tr("teammates.name")}</th>
              {admin ? <th className="hidden px-3 py-2 font-medium md:table-cell">{tr("people.role")}</th> : null}
              <th className="px-3 py-2 font-medium">{tr("teammates.department")}</th>
              <th className="hidden px-3 py-2 font-medium md:table-cell">{tr("teammates.skills")}</th>
              <th className="hidden px-3 py-2 font-medium md:table-cell">{tr("teammates.tags")}</th>
              <th className="hidden px-3 py-2 font-medium md:table-cell">{tr("teammates.city")}</th>
              <th className="hidden px-3 py-2 font-medium md:table-cell">{tr("teammates.mobile")}</th>
              <th className="hidden px-3 py-2 font-medium md:table-cell">{tr("teammates.sms")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {people.map((t) => (
              <tr key={t.id} data-testid="person-row">
                <td className="px-3 py-0.5">
                  <Link
                    className="inline-flex min-h-11 items-center font-medium text-accent-ink hover:underline"
                    href={t.role === "TEAMMATE" ? `/teammates/${t.id}` : `/people/${t.id}`}
                  >
                    {t.lastName} {t.firstName}
                  </Link>
                  {t.profile?.waitingList ? (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">
                      {tr("teammates.waitingList")}
                    </span>
                  ) : null}
                  {t.disabledAt ? (
                    <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-800">
                      {tr("people.disabled")}
                    </span>
                  ) : null}
                  {admin && t.role === "TEAMMATE" ? (
                    <Link
                      className="ml-1 inline-flex min-h-11 items-center px-1 text-xs text-muted underline"
                      href={`/people/${t.id}`}
                    >
                      {tr("people.access")}
                    </Link>
                  ) : null}
                </td>
                {admin ? <td className="hidden px-3 py-2 md:table-cell">{roleName(t.role)}</td> : null}
                <td className="px-3 py-2">{t.profile?.department?.name ?? "—"}</td>
                <td className="hidden px-3 py-2 md:table-cell">
                  {t.profile?.skills.map((s) => s.name).join(", ") || "—"}
                </td>
                <td className="hidden px-3 py-2 md:table-cell">
                  {t.profile?.tags.map((s) => s.name).join(", ") || "—"}
                </td>
                <td className="hidden px-3 py-2 md:table-cell">{t.profile?.city ?? "—"}</td>
                <td className="hidden px-3 py-2 md:table-cell">{t.phone ?? "—"}</td>
                <td className="hidden px-3 py-2 md:table-cell">
                  {t.role === "TEAMMATE"
                    ? tr(t.phone && t.profile?.smsConsent ? "teammates.yes" : "teammates.no")
                    : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager path="/teammates" query={f} page={f.page} pages={pages} defaults={{ status: "active" }} />
    </div>
  );
}
