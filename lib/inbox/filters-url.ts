import type { ContactFilters } from "./schemas";

/** The query string for a set of contact filters (defaults left out), with overrides. */
export function filtersQuery(f: Partial<ContactFilters>, overrides: Partial<Record<keyof ContactFilters, string | number | boolean | undefined>> = {}): string {
  const merged: Record<string, unknown> = { ...f, ...overrides };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === false || value === "") continue;
    if (key === "sort" && value === "latest") continue;
    if (key === "page" && Number(value) === 1) continue;
    params.set(key, value === true ? "1" : String(value));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : "";
}
