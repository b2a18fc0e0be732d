import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { SearchInput } from "@/lib/inbox/schemas";
import type { SearchPage } from "@/lib/inbox/search";
import { formatDateTime } from "@/lib/text/format";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldError, FormError } from "@/components/ui/field-error";
import { Search } from "@/components/ui/icons/search";
import { StickyNote } from "@/components/ui/icons/sticky-note";
import { SnippetText } from "./snippet-text";

type Option = { value: string; label: string };

const field = "min-h-11 w-full rounded-control border border-line bg-surface px-2 text-sm";

/**
 * Search as a GET form (the address holds the search: it can be shared, and it works
 * before JavaScript loads), then the results: where, who, when, the words in context.
 * Each opens its conversation at the message.
 */
export async function SearchView({
  action,
  input,
  places,
  authors,
  page,
  error,
  fieldErrors = {},
  timeZone,
}: {
  action: string;
  input: Partial<SearchInput>;
  /** The conversations one may narrow to (empty: no such filter). */
  places: Option[];
  authors: Option[];
  page: SearchPage | null;
  error?: string;
  fieldErrors?: Partial<Record<"q" | "from" | "to", string>>;
  timeZone: string;
}) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const filtered = Boolean(input.in || input.author || input.from || input.to || input.order === "best");
  const more = new URLSearchParams(
    Object.entries({ ...input, page: String((input.page ?? 1) + 1) }).flatMap(([k, v]) =>
      v === undefined || v === "" ? [] : [[k, String(v)]],
    ),
  );
  return (
    <div className="mx-auto w-full max-w-3xl p-3 sm:p-5">
      <h1 className="mb-3 text-xl font-semibold">{t("search.title")}</h1>
      <form method="get" action={action} role="search" aria-label={t("search.title")} className="space-y-3">
        <div className="flex gap-2">
          <input
            type="search"
            name="q"
            defaultValue={input.q}
            maxLength={200}
            placeholder={t("search.placeholder")}
            aria-label={t("search.placeholder")}
            aria-describedby="search-hint"
            className="min-h-11 min-w-0 flex-1 rounded-control border border-line bg-surface px-3 text-sm"
          />
          <button type="submit" className={buttonClass("primary")}>
            <Search aria-hidden="true" className="size-4" />
            {t("search.submit")}
          </button>
        </div>
        <FieldError id="search-q-error" messages={fieldErrors.q ? [fieldErrors.q] : undefined} />
        <p id="search-hint" className="text-xs text-muted">
          {t("search.hint")}
        </p>
        <details
          open={filtered || Boolean(fieldErrors.from || fieldErrors.to)}
          className="rounded-card border border-line bg-surface"
        >
          <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium">
            {t("search.filters")}
          </summary>
          <div className="grid gap-3 p-3 pt-0 sm:grid-cols-2">
            {places.length ? (
              <label className="block text-xs text-muted">
                {t("search.in")}
                <select name="in" defaultValue={input.in ?? ""} className={field}>
                  <option value="">{t("search.everywhere")}</option>
                  {places.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <label className="block text-xs text-muted">
              {t("search.author")}
              <select name="author" defaultValue={input.author ?? ""} className={field}>
                <option value="">{t("search.anyone")}</option>
                {authors.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
            <DayField name="from" label={t("search.from")} value={input.from} error={fieldErrors.from} />
            <DayField name="to" label={t("search.to")} value={input.to} error={fieldErrors.to} />
            <label className="block text-xs text-muted">
              {t("search.order")}
              <select name="order" defaultValue={input.order ?? "newest"} className={field}>
                <option value="newest">{t("search.newest")}</option>
                <option value="best">{t("search.best")}</option>
              </select>
            </label>
          </div>
        </details>
      </form>
      <div className="mt-4">
        <FormError message={error} />
        {page && page.results.length === 0 ? (
          <EmptyState icon={<Search aria-hidden="true" />} title={t("search.none", { q: input.q ?? "" })}>
            <p>{t("search.noneHint")}</p>
          </EmptyState>
        ) : null}
        {page && page.results.length ? (
          <section aria-labelledby="search-results">
            <h2 id="search-results" className="sr-only">
              {t("search.results")}
            </h2>
            <ul className="divide-y divide-line overflow-hidden rounded-card border border-line bg-surface">
              {page.results.map((r) => (
                <li key={r.id}>
                  <Link
                    href={r.href}
                    className="block px-3 py-2.5 hover:bg-slate-50"
                    data-testid="search-result"
                    data-kind={r.kind}
                  >
                    <span className="flex flex-wrap items-center gap-x-1.5 text-xs text-muted">
                      {r.place ? <span className="font-medium text-ink">{r.place}</span> : null}
                      {r.kind === "note" ? (
                        <span className="inline-flex items-center gap-1 rounded-full bg-note px-1.5 text-note-ink">
                          <StickyNote aria-hidden="true" className="size-3" />
                          {t("thread.privateNote")}
                        </span>
                      ) : null}
                      <span>{r.authorName ?? t("thread.systemAuthor")}</span>
                      <span aria-hidden="true">·</span>
                      <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt, timeZone, locale)}</time>
                    </span>
                    <SnippetText parts={r.parts} className="mt-0.5 line-clamp-3 block text-sm" />
                  </Link>
                </li>
              ))}
            </ul>
            {page.more ? (
              <Link href={`${action}?${more}`} className={`${buttonClass("secondary")} mt-3`}>
                {t("search.more")}
              </Link>
            ) : null}
          </section>
        ) : null}
      </div>
    </div>
  );
}

/** A day of the search's range, its error next to it. */
function DayField({ name, label, value, error }: { name: string; label: string; value?: string; error?: string }) {
  return (
    <label className="block text-xs text-muted">
      {label}
      <input
        type="date"
        name={name}
        defaultValue={value}
        className={field}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `search-${name}-error` : undefined}
      />
      <FieldError id={`search-${name}-error`} messages={error ? [error] : undefined} />
    </label>
  );
}
