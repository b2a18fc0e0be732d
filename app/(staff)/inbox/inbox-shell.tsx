import { Link } from "@/components/ui/link";
import { ActionButton } from "@/components/ui/action-button";
import { requestExportAction } from "@/lib/exports/actions";
import { CONTACTS_PAGE_SIZE, contactFilterOptions, listInboxContacts } from "@/lib/inbox/contacts";
import { contactFiltersSchema, type ContactFilters } from "@/lib/inbox/schemas";
import { filtersQuery, filterValues, viewFilters } from "@/lib/inbox/filters-url";
import type { SessionUser } from "@/lib/auth/roles";
import { LiveContactList } from "@/components/inbox/live-contact-list";
import { ContactFiltersForm } from "./contact-filters";
import { ChevronLeft } from "@/components/ui/icons/chevron-left";
import { ChevronRight } from "@/components/ui/icons/chevron-right";
import { EllipsisVertical } from "@/components/ui/icons/ellipsis-vertical";
import { Search } from "@/components/ui/icons/search";
import { Menu, menuItemClass } from "@/components/ui/menu";
import { getTranslations } from "next-intl/server";
import { IconLink } from "@/components/ui/icon-link";
import { TwoPanes } from "@/components/ui/two-panes";

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
  paneOpen = false,
  children,
}: {
  user: SessionUser;
  timeZone: string;
  filters: ContactFilters;
  activeId?: string;
  /** The right pane holds a page of its own (search): on a phone it shows instead of the list. */
  paneOpen?: boolean;
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
    <TwoPanes
      label={t("inbox.contactList")}
      open={Boolean(activeId) || paneOpen}
      list={
        <>
          <header className="flex items-center justify-between gap-2 pt-1.5 pr-2 pl-4">
            <h1 className="mr-auto text-lg font-semibold">{t("inbox.title")}</h1>
            <IconLink href="/inbox/search" label={t("search.open")}>
              <Search aria-hidden="true" className="size-5" />
            </IconLink>
            {/* What applies to everyone in the view: quiet, in a menu (picking some is "Select", below the list). */}
            <Menu label={t("inbox.viewActions")} trigger={<EllipsisVertical aria-hidden="true" className="size-5" />}>
              {total > 0 ? (
                <Link href={`/inbox/compose${filtersQuery(filters)}`} className={menuItemClass}>
                  {t("grouped.messageThese", { count: total })}
                </Link>
              ) : null}
              <Link href="/inbox/scheduled" className={menuItemClass}>
                {t("scheduled.openAll")}
              </Link>
              <ActionButton
                action={requestExportAction}
                fields={filterValues(viewFilters(filters))}
                label={t("exports.exportAttachments")}
                doneMessage={t("exports.requested")}
                className={menuItemClass}
                wide
              />
              <p className="px-3 py-1 text-xs text-muted">{t("exports.exportHint")}</p>
            </Menu>
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
            stateFiltered={Boolean(filters.unread || filters.processed || filters.owner)}
            activeId={activeId}
            selfId={user.id}
            timeZone={timeZone}
            pager={
              <span className="flex">
                {page > 1 ? (
                  <IconLink href={`${here}${filtersQuery(filters, { page: page - 1 })}`} label={t("inbox.previous")}>
                    <ChevronLeft aria-hidden="true" className="size-5" />
                  </IconLink>
                ) : null}
                {page < pages ? (
                  <IconLink href={`${here}${filtersQuery(filters, { page: page + 1 })}`} label={t("inbox.next")}>
                    <ChevronRight aria-hidden="true" className="size-5" />
                  </IconLink>
                ) : null}
              </span>
            }
          />
        </>
      }
    >
      {children}
    </TwoPanes>
  );
}
