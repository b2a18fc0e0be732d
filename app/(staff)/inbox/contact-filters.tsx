import { Link } from "@/components/ui/link";
import type { ContactFilters } from "@/lib/inbox/schemas";
import type { contactFilterOptions } from "@/lib/inbox/contacts";
import { getTranslations } from "next-intl/server";
import { AutoSubmit } from "@/components/ui/auto-submit";
import { buttonClass } from "@/components/ui/button";
import { filtersQuery } from "@/lib/inbox/filters-url";
import { SegmentedLinks } from "@/components/ui/segmented-links";

type Options = Awaited<ReturnType<typeof contactFilterOptions>>;

const SORT_KEYS = {
  latest: "inbox.sort.latest",
  received: "inbox.sort.received",
  name: "inbox.sort.name",
  unprocessed: "inbox.sort.unprocessed",
} as const satisfies Record<ContactFilters["sort"], string>;

const select = "w-full rounded-control border border-line bg-surface px-2 text-sm";

function Choice({
  name,
  label,
  any,
  value,
  items,
}: {
  name: string;
  label: string;
  any: string;
  value?: string;
  items: { id: string; name: string }[];
}) {
  return (
    <label className="block text-xs text-slate-600">
      {label}
      <select name={name} defaultValue={value ?? ""} className={select}>
        <option value="">{any}</option>
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Search, sort and filters as a GET form: the URL holds the view. Submits on change when JavaScript runs. */
export async function ContactFiltersForm({
  filters: f,
  options,
  action,
}: {
  filters: ContactFilters;
  options: Options;
  action: string;
}) {
  const t = await getTranslations();
  const any = t("inbox.any");
  const active =
    [f.department, f.skill, f.tag, f.activity, f.city, f.postcode, f.processed, f.scheduled].filter(Boolean).length +
    (f.waiting ? 1 : 0) +
    (f.unread ? 1 : 0);
  return (
    <AutoSubmit>
      <form
        method="get"
        action={action}
        role="search"
        aria-label={t("inbox.contacts")}
        className="space-y-2 border-b border-slate-200 px-4 py-3"
      >
        <div className="flex gap-2">
          <input
            type="search"
            name="q"
            defaultValue={f.q}
            placeholder={t("inbox.search")}
            aria-label={t("inbox.search")}
            className="min-w-0 flex-1 rounded-control border border-line bg-surface px-3 text-sm"
          />
          <button type="submit" className={buttonClass("secondary", "sm")}>
            {t("inbox.apply")}
          </button>
        </div>
        {/* Whose threads: the views a shared inbox is worked from, one tap away. */}
        {f.owner ? <input type="hidden" name="owner" value={f.owner} /> : null}
        <SegmentedLinks
          label={t("inbox.owner.label")}
          items={([undefined, "mine", "unassigned"] as const).map((owner) => ({
            href: `${action}${filtersQuery(f, { owner, page: 1 })}`,
            current: f.owner === owner,
            label:
              owner === "mine"
                ? t("inbox.owner.mine")
                : owner === "unassigned"
                  ? t("inbox.owner.unassigned")
                  : t("inbox.owner.all"),
          }))}
        />
        <label className="flex items-center gap-2 text-xs text-slate-600">
          {t("inbox.sortBy")}
          <select name="sort" defaultValue={f.sort} className={`${select} flex-1`} aria-label={t("inbox.sortBy")}>
            {Object.entries(SORT_KEYS).map(([value, key]) => (
              <option key={value} value={value}>
                {t(key)}
              </option>
            ))}
          </select>
        </label>
        <details open={active > 0}>
          <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-ink sm:min-h-9">
            {active ? t("inbox.filtersActive", { count: active }) : t("inbox.filters")}
          </summary>
          <div className="mt-2 grid grid-cols-2 gap-2">
            <Choice
              name="department"
              label={t("inbox.department")}
              any={any}
              value={f.department}
              items={options.departments}
            />
            <Choice name="skill" label={t("inbox.skill")} any={any} value={f.skill} items={options.skills} />
            <Choice name="tag" label={t("inbox.tag")} any={any} value={f.tag} items={options.tags} />
            <Choice
              name="activity"
              label={t("inbox.activity")}
              any={any}
              value={f.activity}
              items={options.activities}
            />
            <label className="block text-xs text-slate-600">
              {t("inbox.city")}
              <input name="city" defaultValue={f.city} className={select} />
            </label>
            <label className="block text-xs text-slate-600">
              {t("inbox.postcode")}
              <input name="postcode" defaultValue={f.postcode} className={select} />
            </label>
            <label className="block text-xs text-slate-600">
              {t("inbox.processedFilter")}
              <select name="processed" defaultValue={f.processed ?? ""} className={select}>
                <option value="">{any}</option>
                <option value="yes">{t("inbox.processed")}</option>
                <option value="no">{t("inbox.notProcessed")}</option>
              </select>
            </label>
            <label className="block text-xs text-slate-600">
              {t("inbox.scheduleFilter")}
              <select name="scheduled" defaultValue={f.scheduled ?? ""} className={select}>
                <option value="">{any}</option>
                <option value="today">{t("inbox.workingToday")}</option>
                <option value="tomorrow">{t("inbox.workingTomorrow")}</option>
                <option value="notThisWeek">{t("inbox.notScheduledThisWeek")}</option>
              </select>
            </label>
            <div className="flex flex-col justify-end text-xs text-slate-700">
              <label className="flex min-h-11 items-center gap-1.5 sm:min-h-8">
                <input type="checkbox" name="waiting" value="1" defaultChecked={f.waiting} /> {t("inbox.waitingList")}
              </label>
              <label className="flex min-h-11 items-center gap-1.5 sm:min-h-8">
                <input type="checkbox" name="unread" value="1" defaultChecked={f.unread} /> {t("inbox.unreadOnly")}
              </label>
            </div>
          </div>
          {active ? (
            <Link href={action} className="mt-2 inline-block text-xs text-teal-700 underline">
              {t("inbox.clearFilters")}
            </Link>
          ) : null}
        </details>
      </form>
    </AutoSubmit>
  );
}
