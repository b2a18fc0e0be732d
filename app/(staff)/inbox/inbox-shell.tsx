import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { requestExportAction } from "@/lib/exports/actions";
import { CONTACTS_PAGE_SIZE, contactFilterOptions, listInboxContacts } from "@/lib/inbox/contacts";
import { contactFiltersSchema, type ContactFilters } from "@/lib/inbox/schemas";
import { filtersQuery, filterValues, viewFilters } from "@/lib/inbox/filters-url";
import type { SessionUser } from "@/lib/auth/roles";
import { LiveContactList } from "@/components/inbox/live-contact-list";
import { ContactFiltersForm } from "./contact-filters";
import { getTranslations } from "next-intl/server";

export type InboxSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Sort and filters from the URL; malformed values fall back to defaults. */
export async function readFilters(searchParams: InboxSearchParams): Promise<ContactFilters> {
  const raw = await searchParams;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return contactFiltersSchema.parse(flat);
}

/**
 * The two panes of Messaging: contacts on the left, the open conversation on the right.
 * Below 768 px they are two screens: the list, or the conversation with a way back to it.
 */
export async function InboxShell({
  user,
  timeZone,
  filters,
  activeId,
  children,
}: {
  user: SessionUser;
  timeZone: string;
  filters: ContactFilters;
  activeId?: string;
  children: React.ReactNode;
}) {
  const [{ contacts, total, page, pages }, options, t] = await Promise.all([
    listInboxContacts(user, filters),
    contactFilterOptions(user),
    getTranslations(),
  ]);
  const here = activeId ? `/inbox/${activeId}` : "/inbox";
  const first = total === 0 ? 0 : (page - 1) * CONTACTS_PAGE_SIZE + 1;
  return (
    <div className="flex h-full">
      <section
        aria-label={t("inbox.contactList")}
        className={`${activeId ? "hidden md:flex" : "flex"} w-full shrink-0 flex-col border-r border-slate-200 bg-white md:w-80`}
      >
        <header className="px-4 pt-3">
          <h1 className="text-lg font-semibold">{t("inbox.title")}</h1>
        </header>
        <ContactFiltersForm filters={filters} options={options} action={here} />

        <LiveContactList
          contacts={contacts}
          total={total}
          first={first}
          sort={filters.sort}
          page={page}
          pageSize={CONTACTS_PAGE_SIZE}
          query={filtersQuery(filters)}
          stateFiltered={Boolean(filters.unread || filters.processed)}
          activeId={activeId}
          timeZone={timeZone}
          pager={
            <span className="flex gap-3">
              {page > 1 ? (
                <Link href={`${here}${filtersQuery(filters, { page: page - 1 })}`}>{t("inbox.previous")}</Link>
              ) : null}
              {page < pages ? (
                <Link href={`${here}${filtersQuery(filters, { page: page + 1 })}`}>{t("inbox.next")}</Link>
              ) : null}
            </span>
          }
        />
        {/* After the list: the way to the contacts stays short for the keyboard. */}
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 px-4 py-2">
          {total > 0 ? (
            <Link
              href={`/inbox/compose${filtersQuery(filters)}`}
              className="inline-flex min-h-11 items-center rounded-md bg-teal-700 px-3 text-sm font-medium text-white hover:bg-teal-800"
            >
              {t("grouped.messageThese", { count: total })}
            </Link>
          ) : null}
          <ActionButton
            action={requestExportAction}
            fields={filterValues(viewFilters(filters))}
            label={t("exports.exportAttachments")}
            className="min-h-11 rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-100"
          />
          <span className="sr-only">{t("exports.exportHint")}</span>
        </div>
      </section>
      <section className={`${activeId ? "flex" : "hidden md:flex"} min-w-0 flex-1 flex-col`}>
        {activeId ? (
          <Link
            href={`/inbox${filtersQuery(filters)}`}
            className="flex min-h-11 items-center gap-1 border-b border-slate-200 bg-white px-3 text-sm font-medium text-teal-800 md:hidden"
          >
            <span aria-hidden="true">←</span> {t("nav.backToContacts")}
          </Link>
        ) : null}
        {children}
      </section>
    </div>
  );
}
