import type { ContactFilters } from "./schemas";

type Values = Partial<Record<keyof ContactFilters, string | number | boolean | undefined>>;

/** The filters as text values, defaults left out: what the query string and a form's hidden fields carry. */
export function filterValues(values: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === false || value === "") continue;
    if (key === "sort" && value === "latest") continue;
    if (key === "page" && Number(value) === 1) continue;
    out[key] = value === true ? "1" : String(value);
  }
  return out;
}

/** The query string for a set of contact filters (defaults left out), with overrides. */
export function filtersQuery(f: Partial<ContactFilters>, overrides: Values = {}): string {
  const qs = new URLSearchParams(filterValues({ ...f, ...overrides })).toString();
  return qs ? `?${qs}` : "";
}

/** Who a view shows, without its order and page: whom a grouped message or an export is for. */
export function viewFilters<T extends Partial<ContactFilters>>(f: T): Omit<T, "page" | "sort"> {
  const { page: _page, sort: _sort, ...view } = f;
  void _page;
  void _sort;
  return view;
}
