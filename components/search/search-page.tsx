import { getTranslations } from "next-intl/server";
import { NotFoundError } from "@/lib/errors";
import { searchSchema, type SearchInput } from "@/lib/inbox/schemas";
import type { SearchPage } from "@/lib/inbox/search";
import { SearchView } from "./search-view";

type Option = { value: string; label: string };

/**
 * A search page from its address: the input checked (a wrong day is said next to its
 * field, and nothing is searched), then `run` for what this reader may read.
 */
export async function SearchPageBody({
  action,
  searchParams,
  run,
  places,
  authors,
  timeZone,
}: {
  action: string;
  searchParams: Record<string, string | string[] | undefined>;
  run: (input: SearchInput) => Promise<SearchPage>;
  places: Option[];
  authors: Option[];
  timeZone: string;
}) {
  const t = await getTranslations();
  const raw = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = searchSchema.safeParse(raw);
  const shared = { action, places, authors, timeZone };
  if (!parsed.success) {
    const fieldErrors: Partial<Record<"q" | "from" | "to", string>> = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path[0];
      if (name === "q" || name === "from" || name === "to") fieldErrors[name] ??= t(issue.message as never);
    }
    return <SearchView {...shared} input={raw as Partial<SearchInput>} page={null} fieldErrors={fieldErrors} />;
  }
  const input = parsed.data;
  if (!input.q) return <SearchView {...shared} input={input} page={null} />;
  let page: SearchPage | null = null;
  let error: string | undefined;
  try {
    page = await run(input);
  } catch (e) {
    // A thread or person from an old link: said, and the words stay in the box.
    if (!(e instanceof NotFoundError)) throw e;
    error = t(e.text.key as never);
  }
  return <SearchView {...shared} input={input} page={page} error={error} />;
}
