import { contactFiltersSchema, type ContactFilters } from "@/lib/inbox/schemas";
import { viewFilters } from "@/lib/inbox/filters-url";

// Who an export is for, kept with it as the requester saw it: the contact list's
// filters (every matching teammate when it runs), or teammates picked one by one.

export type ExportSelection = { filters?: Partial<ContactFilters>; teammateIds?: string[] };

export function readSelection(raw: unknown): ExportSelection {
  const value = (raw && typeof raw === "object" ? raw : {}) as { filters?: unknown; teammateIds?: unknown };
  if (Array.isArray(value.teammateIds))
    return { teammateIds: value.teammateIds.filter((v): v is string => typeof v === "string").slice(0, 10_000) };
  return { filters: viewFilters(contactFiltersSchema.parse(value.filters ?? {})) };
}
