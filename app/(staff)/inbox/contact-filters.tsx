import Link from "next/link";
import type { ContactFilters } from "@/lib/inbox/schemas";
import type { contactFilterOptions } from "@/lib/inbox/contacts";
import { AutoSubmit } from "@/components/ui/auto-submit";

type Options = Awaited<ReturnType<typeof contactFilterOptions>>;

const SORT_LABELS: Record<ContactFilters["sort"], string> = {
  latest: "Latest message",
  received: "Last message received",
  name: "Last name (A-Z)",
  unprocessed: "Unprocessed first",
};

const select = "w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

function Choice({ name, label, value, items }: { name: string; label: string; value?: string; items: { id: string; name: string }[] }) {
  return (
    <label className="block text-xs text-slate-600">
      {label}
      <select name={name} defaultValue={value ?? ""} className={select}>
        <option value="">Any</option>
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
export function ContactFiltersForm({ filters: f, options, action }: { filters: ContactFilters; options: Options; action: string }) {
  const active = [f.department, f.skill, f.tag, f.activity, f.city, f.postcode, f.processed].filter(Boolean).length + (f.waiting ? 1 : 0) + (f.unread ? 1 : 0);
  return (
    <AutoSubmit>
      <form method="get" action={action} role="search" aria-label="Contacts" className="space-y-2 border-b border-slate-200 px-4 py-3">
        <div className="flex gap-2">
          <input
            type="search"
            name="q"
            defaultValue={f.q}
            placeholder="Search by name"
            aria-label="Search by name"
            className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <button type="submit" className="rounded-md bg-slate-800 px-2.5 py-1 text-sm text-white">
            Apply
          </button>
        </div>
        <label className="flex items-center gap-2 text-xs text-slate-600">
          Sort by
          <select name="sort" defaultValue={f.sort} className={`${select} flex-1`} aria-label="Sort by">
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <details open={active > 0}>
          <summary className="cursor-pointer text-xs font-medium text-slate-700">Filters{active ? ` (${active})` : ""}</summary>
          <div className="mt-2 grid grid-cols-2 gap-2">
            <Choice name="department" label="Department" value={f.department} items={options.departments} />
            <Choice name="skill" label="Skill" value={f.skill} items={options.skills} />
            <Choice name="tag" label="Tag" value={f.tag} items={options.tags} />
            <Choice name="activity" label="Assigned activity" value={f.activity} items={options.activities} />
            <label className="block text-xs text-slate-600">
              City
              <input name="city" defaultValue={f.city} className={select} />
            </label>
            <label className="block text-xs text-slate-600">
              Postcode
              <input name="postcode" defaultValue={f.postcode} className={select} />
            </label>
            <label className="block text-xs text-slate-600">
              Processed
              <select name="processed" defaultValue={f.processed ?? ""} className={select}>
                <option value="">Any</option>
                <option value="yes">Processed</option>
                <option value="no">Not processed</option>
              </select>
            </label>
            <div className="flex flex-col justify-end gap-1 text-xs text-slate-700">
              <label className="flex items-center gap-1.5">
                <input type="checkbox" name="waiting" value="1" defaultChecked={f.waiting} /> Waiting list
              </label>
              <label className="flex items-center gap-1.5">
                <input type="checkbox" name="unread" value="1" defaultChecked={f.unread} /> Unread only
              </label>
            </div>
          </div>
          {active ? (
            <Link href={action} className="mt-2 inline-block text-xs text-teal-700 underline">
              Clear filters
            </Link>
          ) : null}
        </details>
      </form>
    </AutoSubmit>
  );
}
